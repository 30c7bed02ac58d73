/**
 * Positions: a device's track, every device's latest position, and a declaration's seals in transit.
 *
 * JSON by default. With `Accept: application/geo+json` the answer is a GeoJSON FeatureCollection: for each
 * device a LineString of its track through its valid fixes (when it has two or more), followed by one Point
 * a position (valid or not), whose properties are the position's JSON fields except lat and lon. Invalid
 * fixes stay out of the line because devices often report them at stale or zero coordinates.
 *
 * In the JSON, times are ISO 8601 UTC; attributes keep their names, with 64-bit integers as decimal strings
 * (JSON numbers lose precision past 2^53) and bytes as lower-case hex.
 */
import { Buffer } from 'node:buffer';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import type { AttributeValue, Position } from '../../../core/model/index.js';
import type { TimeWindow } from '../../../services/position-query.js';
import { DEFAULT_TRACK_LIMIT, MAX_TRACK_LIMIT } from '../../../services/position-query.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';
import { sendError } from '../errors.js';

const GEOJSON = 'application/geo+json';

const IdParams = Type.Object({ id: Type.String({ maxLength: 128 }) });
const Limit = Type.Integer({ minimum: 1, maximum: MAX_TRACK_LIMIT, default: DEFAULT_TRACK_LIMIT });
const Instant = (description: string) => Type.Optional(Type.String({ format: 'date-time', maxLength: 64, description }));

/** An ISO 8601 instant; a device time beyond what a Date can hold (a broken device clock) comes out as null. */
function iso(ms: number): string | null {
  const time = new Date(ms);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

function attributeJson(value: AttributeValue): string | number | boolean {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
  return value;
}

export function positionJson(position: Position) {
  return {
    deviceId: position.deviceId,
    deviceTime: iso(position.deviceTime),
    receivedTime: iso(position.receivedTime),
    lat: position.lat,
    lon: position.lon,
    altitude: position.altitude ?? null,
    speed: position.speed,
    course: position.course,
    satellites: position.satellites ?? null,
    valid: position.valid,
    ...(position.sequence === undefined ? {} : { sequence: position.sequence }),
    ...(position.seal === undefined ? {} : { seal: position.seal }),
    // fromEntries defines own properties, so even an attribute named `__proto__` stays an attribute.
    attributes: Object.fromEntries(Object.entries(position.attributes).map(([name, value]) => [name, attributeJson(value)])),
  };
}

function featureCollection(positions: readonly Position[]) {
  const byDevice = new Map<string, Position[]>();
  for (const position of positions) {
    const track = byDevice.get(position.deviceId);
    if (track) track.push(position);
    else byDevice.set(position.deviceId, [position]);
  }
  const features: object[] = [];
  for (const [deviceId, track] of byDevice) {
    const fixes = track.filter((position) => position.valid);
    if (fixes.length >= 2) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: fixes.map((position) => [position.lon, position.lat]) },
        properties: {
          kind: 'track',
          deviceId,
          from: iso(fixes[0]!.deviceTime),
          to: iso(fixes[fixes.length - 1]!.deviceTime),
          positions: fixes.length,
        },
      });
    }
    for (const position of track) {
      const { lat: _lat, lon: _lon, ...properties } = positionJson(position);
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [position.lon, position.lat] },
        properties: { kind: 'position', ...properties },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Whether the client ranks GeoJSON at least as high as plain JSON; wildcards count for neither, so get JSON. */
export function prefersGeoJson(accept: string | undefined): boolean {
  if (!accept) return false;
  let geo = 0;
  let json = 0;
  for (const range of accept.split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2)) || 0;
    if (type === GEOJSON) geo = Math.max(geo, weight);
    else if (type === 'application/json') json = Math.max(json, weight);
  }
  return geo > 0 && geo >= json;
}

function send(reply: FastifyReply, accept: string | undefined, positions: readonly Position[], json: () => object) {
  // The same URL answers in two forms, so caches must key on Accept.
  void reply.header('vary', 'Accept');
  if (prefersGeoJson(accept)) return reply.type(`${GEOJSON}; charset=utf-8`).send(featureCollection(positions));
  return reply.send(json());
}

function windowJson(window: TimeWindow | undefined) {
  return { from: window ? iso(window.from) : null, to: window ? iso(window.to) : null };
}

/** The query's instants in milliseconds, or the issues that make the request a 400. */
function parseWindow(query: { from?: string; to?: string }) {
  const issues: Array<{ code: string; path: string; message: string }> = [];
  const parse = (name: 'from' | 'to') => {
    const text = query[name];
    if (text === undefined) return undefined;
    const ms = Date.parse(text);
    // The schema checked the form; this catches what it lets through yet no clock reads, such as a leap second.
    if (Number.isNaN(ms)) issues.push({ code: 'INVALID_TIME', path: `querystring.${name}`, message: `${name} is not an instant: ${text}` });
    return ms;
  };
  const from = parse('from');
  const to = parse('to');
  if (issues.length === 0 && from !== undefined && to !== undefined && from > to) {
    issues.push({ code: 'WINDOW_REVERSED', path: 'querystring.to', message: 'to is before from' });
  }
  return { from, to, issues };
}

export async function positionRoutes(api: ApiInstance, { positions }: ApiServices) {
  api.get(
    '/devices/:id/positions',
    {
      schema: {
        summary: "A device's positions in device-time order (JSON, or GeoJSON with Accept: application/geo+json)",
        description:
          'Without from and to, the last 24 hours; with only from, up to now; with only to, the 24 hours before it. ' +
          'At most limit positions, the earliest first: to read on, ask again from the last deviceTime.',
        params: IdParams,
        querystring: Type.Object(
          {
            from: Instant('device time from, inclusive (ISO 8601 with a zone)'),
            to: Instant('device time to, inclusive (ISO 8601 with a zone)'),
            limit: Limit,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { from, to, issues } = parseWindow(request.query);
      if (issues.length > 0) return sendError(reply, 400, 'INVALID_REQUEST', 'the request querystring is not valid', issues);
      const track = await positions.track(userOf(request), request.params.id, {
        limit: request.query.limit,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      });
      return send(reply, request.headers.accept, track.positions, () => ({
        deviceId: track.deviceId,
        ...windowJson(track.window),
        positions: track.positions.map(positionJson),
      }));
    },
  );

  api.get(
    '/positions/latest',
    { schema: { summary: 'The latest position (by device time) of every device, by device id' } },
    async (request, reply) => {
      const latest = await positions.latest(userOf(request));
      return send(reply, request.headers.accept, latest, () => ({ positions: latest.map(positionJson) }));
    },
  );

  api.get(
    '/declarations/:id/positions',
    {
      schema: {
        summary: "The positions of a declaration's seals during its transit",
        description:
          'From its change into in_transit to its change into arrived or closed (or now), seal by seal in the ' +
          "declaration's order. from and to are null, and positions empty, while it has never been in transit.",
        params: IdParams,
        querystring: Type.Object({ limit: Limit }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const track = await positions.ofDeclaration(userOf(request), request.params.id, request.query.limit);
      return send(reply, request.headers.accept, track.positions, () => ({
        declarationId: track.declarationId,
        ...windowJson(track.window),
        positions: track.positions.map(positionJson),
      }));
    },
  );
}
