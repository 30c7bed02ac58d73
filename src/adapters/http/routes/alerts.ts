/** Alerts: list and filter, read with their history, acknowledge, assign, resolve. */
import Type from 'typebox';
import { ShortText } from '../../../core/model/index.js';
import { TRACKING_EVENT_TYPES } from '../../../core/tracking/index.js';
import { ALERT_STATUSES } from '../../../ports/tracking-store.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';
import { alertJson } from './tracking-json.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Note = ShortText(2_000);

export async function alertRoutes(api: ApiInstance, { alerts }: ApiServices) {
  api.get(
    '/alerts',
    {
      schema: {
        summary: 'Alerts, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(Type.Enum(ALERT_STATUSES), { maxItems: 4, description: 'one or more, such as status=open&status=assigned' })),
            severity: Type.Optional(Type.Enum(['alarm', 'warning', 'info'])),
            type: Type.Optional(Type.Enum(TRACKING_EVENT_TYPES)),
            tripId: Type.Optional(Type.String({ maxLength: 64 })),
            assignee: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const page = await alerts.list(userOf(request), request.query);
      return { items: page.items.map(alertJson), total: page.total };
    },
  );

  const detail = async (work: Promise<{ alert: Parameters<typeof alertJson>[0]; actions: unknown[] }>) => {
    const { alert, actions } = await work;
    return { alert: alertJson(alert), actions };
  };

  api.get('/alerts/:id', { schema: { summary: 'An alert with its history of actions', params: IdParams } }, async (request) =>
    detail(alerts.get(userOf(request), request.params.id)),
  );

  api.post(
    '/alerts/:id/acknowledge',
    { schema: { summary: 'Acknowledge an open alert', params: IdParams, body: Type.Optional(Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false })) } },
    async (request) => detail(alerts.acknowledge(userOf(request), request.params.id, request.body?.note)),
  );

  api.post(
    '/alerts/:id/assign',
    {
      schema: {
        summary: 'Assign an unresolved alert to a user',
        params: IdParams,
        body: Type.Object({ assignee: Type.String({ maxLength: 64 }), note: Type.Optional(Note) }, { additionalProperties: false }),
      },
    },
    async (request) => detail(alerts.assign(userOf(request), request.params.id, request.body.assignee, request.body.note)),
  );

  api.post(
    '/alerts/:id/resolve',
    { schema: { summary: 'Resolve an unresolved alert, saying how', params: IdParams, body: Type.Object({ note: Note }, { additionalProperties: false }) } },
    async (request) => detail(alerts.resolve(userOf(request), request.params.id, request.body.note)),
  );
}
