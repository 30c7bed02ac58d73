/** Trips: arm a declaration's seals, disarm them, read trips with their state and ETA, events, track and replay. */
import Type from 'typebox';
import { Code, LineStringSchema, Latitude, Longitude, PolygonSchema, ShortText } from '../../../core/model/index.js';
import { DEFAULT_THRESHOLDS } from '../../../core/tracking/index.js';
import { TRIP_STATUSES } from '../../../ports/tracking-store.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';
import { eventJson, tripJson } from './tracking-json.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const DAY_MS = 24 * 60 * 60 * 1000;

const ThresholdsSchema = Type.Object(
  Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((name) => [name, Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 }))])),
  { additionalProperties: false, description: 'Overrides of the detectors\' thresholds; see the core\'s thresholds.ts' },
);

const ArmSchema = Type.Object(
  {
    declarationId: Type.String({ maxLength: 64 }),
    sealIds: Type.Optional(Type.Array(Code(), { minItems: 1, maxItems: 20, description: "the declaration's seals unless given" })),
    route: Type.Optional(LineStringSchema),
    waypoints: Type.Optional(
      Type.Array(Type.Tuple([Longitude, Latitude]), { maxItems: 10_000, description: '[lon, lat] points between the office of departure and of destination' }),
    ),
    corridorWidthM: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000 })),
    expectedDurationMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 * DAY_MS })),
    stopZones: Type.Optional(
      Type.Array(Type.Object({ id: Code(), name: Type.Optional(ShortText()), geofence: PolygonSchema }, { additionalProperties: false }), { maxItems: 1_000 }),
    ),
    sealOpeningPlaceIds: Type.Optional(Type.Array(Code(128), { maxItems: 100 })),
    thresholds: Type.Optional(ThresholdsSchema),
  },
  { additionalProperties: false },
);

const Page = { limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }) };

export async function tripRoutes(api: ApiInstance, { trips }: ApiServices) {
  api.post(
    '/trips',
    {
      schema: {
        summary: "Arm a declaration's seals at the office of departure: a trip opens and the declaration goes in transit",
        description:
          "The route is `route`, or the offices with `waypoints` between them, or the declaration's planned route, or else " +
          'straight from the office of departure through the declared crossing to the office of destination. A seal on ' +
          'another open trip is a 409.',
        body: ArmSchema,
      },
    },
    async (request, reply) => {
      const view = await trips.arm(userOf(request), request.body);
      return reply.status(201).header('location', `${request.url.split('?')[0]}/${view.trip.id}`).send(tripJson(view, true));
    },
  );

  api.post('/trips/:id/disarm', { schema: { summary: 'Disarm the seals at the office of destination: the trip closes', params: IdParams } }, async (request) =>
    tripJson(await trips.disarm(userOf(request), request.params.id), false),
  );

  api.get(
    '/trips',
    {
      schema: {
        summary: 'Trips with their state and ETA, newest first',
        querystring: Type.Object(
          { status: Type.Optional(Type.Enum(TRIP_STATUSES)), declarationId: Type.Optional(Type.String({ maxLength: 64 })), ...Page },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const page = await trips.list(userOf(request), request.query);
      return { items: page.items.map((view) => tripJson(view, false)), total: page.total };
    },
  );

  api.get('/trips/:id', { schema: { summary: 'A trip with its plan, state and ETA', params: IdParams } }, async (request) =>
    tripJson(await trips.get(userOf(request), request.params.id), true),
  );

  api.get(
    '/trips/:id/events',
    { schema: { summary: "A trip's events in the order they were raised", params: IdParams, querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 1_000 }), offset: Page.offset }, { additionalProperties: false }) } },
    async (request) => {
      const page = await trips.events(userOf(request), request.params.id, request.query);
      return { items: page.items.map(eventJson), total: page.total };
    },
  );

  api.get(
    '/trips/:id/track',
    {
      schema: {
        summary: "The trip's track as a GeoJSON LineString Feature, simplified to `tolerance` metres",
        params: IdParams,
        querystring: Type.Object({ tolerance: Type.Number({ minimum: 0, maximum: 100_000, default: 10 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const feature = await trips.track(userOf(request), request.params.id, request.query.tolerance);
      return reply.type('application/geo+json; charset=utf-8').send(feature);
    },
  );

  api.get(
    '/trips/:id/replay',
    { schema: { summary: "Re-runs the trip's stored positions through the engine and says whether the events equal the stored ones", params: IdParams } },
    async (request) => {
      const report = await trips.replay(userOf(request), request.params.id);
      const difference = report.firstDifference;
      return {
        ...report,
        firstDifference: difference && {
          index: difference.index,
          stored: difference.stored && eventJson(difference.stored),
          replayed: difference.replayed && eventJson(difference.replayed),
        },
      };
    },
  );
}
