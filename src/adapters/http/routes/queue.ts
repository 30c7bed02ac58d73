/** The border queues: configuration, bookings, check-in, calls, arrivals, staff decisions, the order and the board. */
import Type from 'typebox';
import { Code, OperatingHoursSchema } from '../../../core/model/index.js';
import { CHANNELS, PRIORITY_CLASSES } from '../../../core/queue/index.js';
import { ServiceError } from '../../../services/service-error.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

const CrossingParams = Type.Object({ crossing: Code() });
const EntryParams = Type.Object({ crossing: Code(), entryId: Code() });
const LaneParams = Type.Object({ crossing: Code(), lane: Code() });
const Reason = Type.String({ minLength: 1, maxLength: 1000, description: 'why: recorded with who and when' });
const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
const Capacity = Type.Number({ minimum: 0, maximum: 10_000, description: 'trucks an hour; 0 when the lane does not take the channel' });
const LaneSchema = Type.Object(
  { id: Code(), capacityPerHour: Type.Object({ green: Capacity, yellow: Capacity, red: Capacity }, { additionalProperties: false }) },
  { additionalProperties: false },
);
const Paging = {
  offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
};
const STATUSES = ['booked', 'holding', 'waiting', 'called', 'served', 'dropped'] as const;

/** An ISO instant from a validated date-time string, or a 400 naming the field. */
function instant(value: string, path: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ServiceError('VALIDATION', `${path} is not a date and time`, [{ code: 'BAD_TIME', path, message: 'an ISO 8601 date and time' }]);
  return ms;
}

export async function queueRoutes(api: ApiInstance, { queue, queueViews }: ApiServices) {
  api.get('/queues', { schema: { summary: 'Every crossing that has a queue, with its trucks still to be served by state' } }, async (request) => ({
    items: await queueViews.queues(userOf(request)),
  }));

  // Configuration ---------------------------------------------------------------------------------------------
  api.get('/queues/:crossing/settings', { schema: { summary: "A crossing queue's lanes, hours and release rate", params: CrossingParams } }, async (request) =>
    queue.settings(userOf(request), request.params.crossing),
  );

  api.put(
    '/queues/:crossing/lanes',
    {
      schema: {
        summary: "Set a crossing's lanes (capacity by channel) and opening hours; starts its queue if it has none",
        params: CrossingParams,
        body: Type.Object(
          { lanes: Type.Array(LaneSchema, { minItems: 1, maxItems: 200 }), operatingHours: Type.Union([OperatingHoursSchema, Type.Null()]), reason: Reason },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => queue.configure(userOf(request), request.params.crossing, request.body),
  );

  api.put(
    '/queues/:crossing/release-rate',
    {
      schema: {
        summary: 'Set how many backlog trucks an hour are released (null: no limit, 0: stop the backlog)',
        params: CrossingParams,
        body: Type.Object(
          {
            ratePerHour: Type.Union([Type.Number({ minimum: 0, maximum: 10_000 }), Type.Null()]),
            burst: Type.Optional(Type.Number({ minimum: 1, maximum: 1000 })),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => queue.setReleaseRate(userOf(request), request.params.crossing, request.body),
  );

  api.put(
    '/queues/:crossing/lanes/:lane/open',
    {
      schema: {
        summary: 'Open or close a lane',
        params: LaneParams,
        body: Type.Object({ open: Type.Boolean(), reason: Reason }, { additionalProperties: false }),
      },
    },
    async (request) => queue.setLaneOpen(userOf(request), request.params.crossing, request.params.lane, request.body.open, request.body.reason),
  );

  // Entering --------------------------------------------------------------------------------------------------
  api.post(
    '/queues/:crossing/bookings',
    {
      schema: {
        summary: 'Book a slot for a truck of a declaration of ours; the answer carries the booking code',
        params: CrossingParams,
        body: Type.Object(
          { declarationId: Code(), slotStart: Type.String({ format: 'date-time' }), slotEnd: Type.String({ format: 'date-time' }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { declarationId, slotStart, slotEnd } = request.body;
      const outcome = await queue.book(userOf(request), request.params.crossing, {
        declarationId,
        slotStart: instant(slotStart, 'slotStart'),
        slotEnd: instant(slotEnd, 'slotEnd'),
      });
      return reply.status(outcome.changed ? 201 : 200).send(outcome);
    },
  );

  api.post(
    '/queues/:crossing/check-ins',
    {
      schema: {
        summary: 'Check a truck in on arrival; the answer carries the code the driver looks it up with',
        params: CrossingParams,
        body: Type.Object({ declarationId: Code(), channel: Type.Optional(Type.Enum(CHANNELS)) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const outcome = await queue.checkIn(userOf(request), request.params.crossing, request.body);
      return reply.status(outcome.changed ? 201 : 200).send(outcome);
    },
  );

  // Calling and staff decisions -------------------------------------------------------------------------------
  api.post(
    '/queues/:crossing/calls',
    {
      schema: {
        summary: 'Call the next truck to a lane; with expectedVersion, only if the queue is still at that version',
        params: CrossingParams,
        body: Type.Object({ lane: Code(), expectedVersion: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      },
    },
    async (request) => queue.callNext(userOf(request), request.params.crossing, request.body.lane, request.body.expectedVersion),
  );

  api.post('/queues/:crossing/entries/:entryId/arrival', { schema: { summary: 'A called truck reached its lane', params: EntryParams } }, async (request) =>
    queue.arrive(userOf(request), request.params.crossing, request.params.entryId),
  );

  api.post('/queues/:crossing/entries/:entryId/hold', { schema: { summary: 'Hold a truck out of the order', params: EntryParams, body: ReasonBody } }, async (request) =>
    queue.hold(userOf(request), request.params.crossing, request.params.entryId, request.body.reason),
  );

  api.post('/queues/:crossing/entries/:entryId/release', { schema: { summary: 'Release a held truck', params: EntryParams, body: ReasonBody } }, async (request) =>
    queue.release(userOf(request), request.params.crossing, request.params.entryId, request.body.reason),
  );

  api.post(
    '/queues/:crossing/entries/:entryId/priority',
    {
      schema: {
        summary: "Put a truck in a priority class, or back to its facts' class with null",
        params: EntryParams,
        body: Type.Object({ priorityClass: Type.Union([Type.Enum(PRIORITY_CLASSES), Type.Null()]), reason: Reason }, { additionalProperties: false }),
      },
    },
    async (request) => queue.reprioritise(userOf(request), request.params.crossing, request.params.entryId, request.body.priorityClass, request.body.reason),
  );

  api.post('/queues/:crossing/entries/:entryId/removal', { schema: { summary: 'Take a truck out of the queue', params: EntryParams, body: ReasonBody } }, async (request) =>
    queue.remove(userOf(request), request.params.crossing, request.params.entryId, request.body.reason),
  );

  // Reading ---------------------------------------------------------------------------------------------------
  api.get(
    '/queues/:crossing',
    {
      schema: {
        summary: 'The queue: waiting trucks in the order they will be called, or the trucks of another status',
        params: CrossingParams,
        querystring: Type.Object({ status: Type.Enum(STATUSES, { default: 'waiting' }), ...Paging }, { additionalProperties: false }),
      },
    },
    async (request) => queueViews.list(userOf(request), request.params.crossing, request.query),
  );

  api.get('/queues/:crossing/entries/:entryId', { schema: { summary: 'A truck in the queue: place, estimate, explanation, history', params: EntryParams } }, async (request) =>
    queueViews.entry(userOf(request), request.params.crossing, request.params.entryId),
  );

  api.get(
    '/queues/:crossing/compare',
    {
      schema: {
        summary: 'Why one truck is ahead of another',
        params: CrossingParams,
        querystring: Type.Object({ a: Code(), b: Code() }, { additionalProperties: false }),
      },
    },
    async (request) => queueViews.compare(userOf(request), request.params.crossing, request.query.a, request.query.b),
  );

  api.get(
    '/queues/:crossing/events',
    {
      schema: {
        summary: "The queue's audited decisions, newest first",
        params: CrossingParams,
        querystring: Type.Object({ entryId: Type.Optional(Code()), ...Paging }, { additionalProperties: false }),
      },
    },
    async (request) => ({ items: await queueViews.events(userOf(request), request.params.crossing, request.query) }),
  );

  api.get('/queues/:crossing/board', { schema: { summary: 'Length by class, waits, throughput, backlog clearance, estimate accuracy', params: CrossingParams } }, async (request) =>
    queueViews.board(userOf(request), request.params.crossing),
  );

  api.get(
    '/queue/trucks',
    {
      schema: {
        summary: "A haulier's own trucks in the queues, with their place and estimate",
        querystring: Type.Object(Paging, { additionalProperties: false }),
      },
    },
    async (request) => queueViews.ownTrucks(userOf(request), request.query),
  );
}
