/** The positions API end to end through Fastify's injector, on a real in-memory SQLite store and a clock of our own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/adapters/http/server.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { wirePlatform, type Platform } from '../../src/apps/platform.js';
import type { DeclarationStatus, Position } from '../../src/core/model/index.js';
import { SEAL, validDeclaration } from '../support/fixtures.js';
import { apiWorld, type Tokens } from '../support/api-world.js';

const HOUR = 60 * 60 * 1000;
const START = Date.parse('2025-11-05T06:00:00.000Z');
const SEAL2 = { id: '356307042441099', protocol: 'teltonika' as const, state: 'available' as const };
const QUIET = { id: '860000000000001', protocol: 'wialon' as const, state: 'available' as const };
/** Never registered, but it has reported. */
const STRAY = 'stray-device-1';

let now = START;
let platform: Platform;
let api: Api;
let tokens: Tokens;

function fix(deviceId: string, at: number, options: Partial<Position> = {}): Position {
  return { deviceId, deviceTime: at, receivedTime: at + 900, lat: 43 + at / 1e10, lon: 75 + at / 1e10, speed: 70, course: 90, valid: true, attributes: {}, ...options };
}

const FULL = fix(SEAL.id, START + 1.5 * HOUR, {
  sequence: 1,
  altitude: 812.5,
  satellites: 14,
  attributes: { io78: 18_446_744_073_709_551_615n, io385: new Uint8Array([0x00, 0xab, 0xff]), 'param:lock': true, 'egts:din': 'text', io66: 27_640 },
  seal: { locked: true, tamper: false, batteryPercent: 87 },
});
const TRACK = [
  fix(SEAL.id, START - 30 * HOUR),
  fix(SEAL.id, START + 0.5 * HOUR),
  FULL,
  fix(SEAL.id, START + 1.5 * HOUR, { sequence: 2 }),
  fix(SEAL.id, START + 2 * HOUR, { valid: false, lat: 0, lon: 0 }),
  fix(SEAL.id, START + 2.5 * HOUR),
  fix(SEAL.id, START + 3.5 * HOUR),
];

function get(url: string, user: keyof Tokens, accept?: string) {
  return api.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[user]}`, ...(accept ? { accept } : {}) } });
}

async function declare(reference: string, seals: string[]): Promise<string> {
  const response = await api.inject({
    method: 'POST',
    url: '/api/v1/declarations?submit=true',
    headers: { authorization: `Bearer ${tokens['haulier-a']}` },
    // Fresh tomatoes need no navigation seal, so the declaration may be moved along by hand.
    payload: { ...validDeclaration(reference), goods: [{ hsCode: '070200', description: 'Tomatoes', packages: 100, grossMassKg: 2000, value: 36000, currency: 'USD' }], seals },
  });
  expect(response.json().declaration.status).toBe('accepted');
  return response.json().declaration.id as string;
}

async function move(id: string, status: DeclarationStatus, at: number): Promise<void> {
  now = at;
  const response = await api.inject({
    method: 'POST',
    url: `/api/v1/declarations/${id}/status`,
    headers: { authorization: `Bearer ${tokens.admin}` },
    payload: { status },
  });
  expect(response.statusCode).toBe(200);
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  const store = openStore(':memory:');
  await store.migrate();
  platform = wirePlatform(store, { now: () => new Date(now) });
  ({ api, tokens } = await apiWorld(platform, [SEAL, SEAL2, QUIET]));

  expect(await platform.store.positions.insertMany([...TRACK, fix(SEAL2.id, START + 2 * HOUR), fix(STRAY, START + HOUR)])).toBe(9);

  // Arrived: in transit from START + 1 h to START + 3 h, with a stop at the border in between.
  ids.arrived = await declare('POS-ARRIVED', [SEAL.id]);
  await move(ids.arrived, 'in_transit', START + HOUR);
  await move(ids.arrived, 'at_border', START + 2 * HOUR);
  await move(ids.arrived, 'released', START + 2.2 * HOUR);
  await move(ids.arrived, 'in_transit', START + 2.4 * HOUR);
  await move(ids.arrived, 'arrived', START + 3 * HOUR);
  // Still on the road since START + 2 h, under two seals.
  ids.moving = await declare('POS-MOVING', [SEAL2.id, SEAL.id]);
  await move(ids.moving, 'in_transit', START + 2 * HOUR);
  ids.waiting = await declare('POS-WAITING', [SEAL.id]);
  now = START + 4 * HOUR;
});

afterAll(async () => {
  await api.close();
  await platform.close();
});

const times = (body: { positions: Array<{ deviceTime: string; sequence?: number }> }) =>
  body.positions.map((position) => [(Date.parse(position.deviceTime) - START) / HOUR, position.sequence ?? null]);

describe('a device track', () => {
  it('answers the last 24 hours by default, in device-time then sequence order', async () => {
    const response = await get(`/api/v1/devices/${SEAL.id}/positions`, 'inspector');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ deviceId: SEAL.id, from: new Date(START - 20 * HOUR).toISOString(), to: new Date(START + 4 * HOUR).toISOString() });
    expect(times(body)).toStrictEqual([[0.5, null], [1.5, 1], [1.5, 2], [2, null], [2.5, null], [3.5, null]]);
  });

  it('writes each position in the documented JSON: ISO times, 64-bit integers as text, bytes as hex', async () => {
    const body = (await get(`/api/v1/devices/${SEAL.id}/positions?limit=2`, 'admin')).json();
    expect(body.positions[1]).toStrictEqual({
      deviceId: SEAL.id,
      deviceTime: '2025-11-05T07:30:00.000Z',
      receivedTime: '2025-11-05T07:30:00.900Z',
      lat: FULL.lat,
      lon: FULL.lon,
      altitude: 812.5,
      speed: 70,
      course: 90,
      satellites: 14,
      valid: true,
      sequence: 1,
      seal: { locked: true, tamper: false, batteryPercent: 87 },
      attributes: { io78: '18446744073709551615', io385: '00abff', 'param:lock': true, 'egts:din': 'text', io66: 27_640 },
    });
    // Absent optional fields: altitude and satellites null, sequence and seal left out.
    expect(body.positions[0]).toStrictEqual({
      deviceId: SEAL.id,
      deviceTime: '2025-11-05T06:30:00.000Z',
      receivedTime: '2025-11-05T06:30:00.900Z',
      lat: TRACK[1]!.lat,
      lon: TRACK[1]!.lon,
      altitude: null,
      speed: 70,
      course: 90,
      satellites: null,
      valid: true,
      attributes: {},
    });
  });

  it('takes from and to inclusive, in any zone, and a limit', async () => {
    const url = `/api/v1/devices/${SEAL.id}/positions`;
    const window = await get(`${url}?from=2025-11-05T12:30:00%2B05:00&to=2025-11-05T08:00:00Z`, 'inspector');
    expect(times(window.json())).toStrictEqual([[1.5, 1], [1.5, 2], [2, null]]);
    expect(times((await get(`${url}?from=2025-11-05T07:30:00Z&limit=1`, 'inspector')).json())).toStrictEqual([[1.5, 1]]);
    // Only `to`: the day before it.
    expect(times((await get(`${url}?to=2025-11-05T06:00:00Z`, 'inspector')).json())).toStrictEqual([]);
    expect(times((await get(`${url}?to=2025-11-05T07:00:00Z`, 'inspector')).json())).toStrictEqual([[0.5, null]]);
    expect(times((await get(`${url}?from=2025-11-01T00:00:00Z&limit=1`, 'inspector')).json())).toStrictEqual([[-30, null]]);
  });

  it('refuses bad times and limits with 400 and the field path', async () => {
    const url = `/api/v1/devices/${SEAL.id}/positions`;
    const cases: Array<[string, string]> = [
      ['from=yesterday', 'querystring.from'],
      ['to=2025-11-05T07:00:00', 'querystring.to'], // no zone: not an instant
      ['from=2025-02-30T00:00:00Z', 'querystring.from'],
      ['from=2016-12-31T23:59:60Z', 'querystring.from'], // a leap second: well formed, but no Date holds it
      ['from=2025-11-05T08:00:00Z&to=2025-11-05T07:00:00Z', 'querystring.to'],
      ['limit=100001', 'querystring.limit'],
      ['limit=0', 'querystring.limit'],
      ['since=2025-11-05T07:00:00Z', 'querystring.since'],
    ];
    for (const [query, path] of cases) {
      const response = await get(`${url}?${query}`, 'inspector');
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.issues.map((issue: { path: string }) => issue.path), query).toContain(path);
    }
  });

  it('answers 404 for an unknown device, and knows registered and reporting ones', async () => {
    const unknown = await get('/api/v1/devices/nope/positions', 'inspector');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const quiet = await get(`/api/v1/devices/${QUIET.id}/positions`, 'inspector');
    expect(quiet.statusCode).toBe(200);
    expect(quiet.json().positions).toStrictEqual([]);
    expect(times((await get(`/api/v1/devices/${STRAY}/positions`, 'inspector')).json())).toStrictEqual([[1, null]]);
  });

  it('answers GeoJSON when asked: the line through the valid fixes, then every position as a point', async () => {
    const response = await get(`/api/v1/devices/${SEAL.id}/positions`, 'inspector', 'application/geo+json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(response.headers.vary).toMatch(/accept/i);
    const collection = response.json();
    expect(collection.type).toBe('FeatureCollection');
    const [line, ...points] = collection.features;
    const valid = TRACK.slice(1).filter((position) => position.valid);
    expect(line).toStrictEqual({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: valid.map((position) => [position.lon, position.lat]) },
      properties: { kind: 'track', deviceId: SEAL.id, from: '2025-11-05T06:30:00.000Z', to: '2025-11-05T09:30:00.000Z', positions: 5 },
    });
    expect(points).toHaveLength(6);
    expect(points[3]).toMatchObject({ geometry: { type: 'Point', coordinates: [0, 0] }, properties: { kind: 'position', valid: false } });
    expect(points[1].properties).toMatchObject({ deviceTime: '2025-11-05T07:30:00.000Z', speed: 70, seal: { locked: true }, attributes: { io78: '18446744073709551615' } });
    expect(points[1].properties).not.toHaveProperty('lat');

    const ranked = await get(`/api/v1/devices/${SEAL.id}/positions`, 'inspector', 'application/json, application/geo+json;q=0.5');
    expect(ranked.json()).toHaveProperty('positions');
    const preferred = await get(`/api/v1/devices/${SEAL.id}/positions`, 'inspector', 'application/json;q=0.9, application/geo+json');
    expect(preferred.json().type).toBe('FeatureCollection');
    expect((await get(`/api/v1/devices/${SEAL.id}/positions`, 'inspector', '*/*')).json()).toHaveProperty('positions');
  });
});

describe('the latest positions', () => {
  it('answer every device that reported, by device id, with its latest by device time', async () => {
    const body = (await get('/api/v1/positions/latest', 'inspector')).json();
    expect(body.positions.map((position: { deviceId: string; deviceTime: string }) => [position.deviceId, position.deviceTime])).toStrictEqual([
      [SEAL.id, '2025-11-05T09:30:00.000Z'],
      [SEAL2.id, '2025-11-05T08:00:00.000Z'],
      [STRAY, '2025-11-05T07:00:00.000Z'],
    ]);
    const points = (await get('/api/v1/positions/latest', 'inspector', 'application/geo+json')).json();
    expect(points.features.map((feature: { geometry: { type: string } }) => feature.geometry.type)).toStrictEqual(['Point', 'Point', 'Point']);
  });
});

describe("a declaration's positions", () => {
  it('cover its transit, from entering in_transit to arriving, border stop included', async () => {
    const response = await get(`/api/v1/declarations/${ids.arrived}/positions`, 'inspector');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ declarationId: ids.arrived, from: '2025-11-05T07:00:00.000Z', to: '2025-11-05T09:00:00.000Z' });
    expect(times(body)).toStrictEqual([[1.5, 1], [1.5, 2], [2, null], [2.5, null]]);
  });

  it('run to now while in transit, seal by seal in the declaration\'s order, within the limit', async () => {
    const body = (await get(`/api/v1/declarations/${ids.moving}/positions`, 'inspector')).json();
    expect(body).toMatchObject({ from: '2025-11-05T08:00:00.000Z', to: '2025-11-05T10:00:00.000Z' });
    expect(body.positions.map((position: { deviceId: string }) => position.deviceId)).toStrictEqual([SEAL2.id, SEAL.id, SEAL.id, SEAL.id]);
    expect(times(body)).toStrictEqual([[2, null], [2, null], [2.5, null], [3.5, null]]);
    expect(times((await get(`/api/v1/declarations/${ids.moving}/positions?limit=2`, 'inspector')).json())).toStrictEqual([[2, null], [2, null]]);
    const geo = (await get(`/api/v1/declarations/${ids.moving}/positions`, 'inspector', 'application/geo+json')).json();
    expect(geo.features.map((feature: { geometry: { type: string }; properties: { deviceId: string } }) => [feature.geometry.type, feature.properties.deviceId])).toStrictEqual([
      ['Point', SEAL2.id],
      ['LineString', SEAL.id],
      ['Point', SEAL.id],
      ['Point', SEAL.id],
      ['Point', SEAL.id],
    ]);
  });

  it('are none before it goes in transit', async () => {
    const body = (await get(`/api/v1/declarations/${ids.waiting}/positions`, 'inspector')).json();
    expect(body).toStrictEqual({ declarationId: ids.waiting, from: null, to: null, positions: [] });
  });

  it('answer 404 for an unknown declaration', async () => {
    const response = await get('/api/v1/declarations/nope/positions', 'inspector');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('who may read positions', () => {
  it('lets a haulier see its own declarations\' positions only, and no device track or fleet view', async () => {
    expect((await get(`/api/v1/declarations/${ids.arrived}/positions`, 'haulier-a')).statusCode).toBe(200);
    expect((await get(`/api/v1/declarations/${ids.arrived}/positions`, 'haulier-b')).statusCode).toBe(404);
    const track = await get(`/api/v1/devices/${SEAL.id}/positions`, 'haulier-a');
    expect(track.statusCode).toBe(403);
    expect(track.json().error.code).toBe('FORBIDDEN');
    expect((await get('/api/v1/positions/latest', 'haulier-a')).statusCode).toBe(403);
  });

  it('refuses a request without a token', async () => {
    expect((await api.inject({ method: 'GET', url: '/api/v1/positions/latest' })).statusCode).toBe(401);
    expect((await api.inject({ method: 'GET', url: `/api/v1/devices/${SEAL.id}/positions` })).statusCode).toBe(401);
  });

  it('lists the routes in the OpenAPI document', async () => {
    const document = (await api.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/devices/{id}/positions', '/api/v1/positions/latest', '/api/v1/declarations/{id}/positions']),
    );
  });
});
