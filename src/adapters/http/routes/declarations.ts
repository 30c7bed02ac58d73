import Type from 'typebox';
import { DECLARATION_STATUSES, DeclarationInputSchema } from '../../../core/model/index.js';
import type { ImportOutcome, ImportRow } from '../../../services/declaration-import.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export async function declarationRoutes(api: ApiInstance, { declarations, imports }: ApiServices) {
  api.post(
    '/declarations',
    {
      schema: {
        summary: 'Create a declaration as a draft, or submit it at once with ?submit=true',
        body: DeclarationInputSchema,
        querystring: Type.Object({ submit: Type.Boolean({ default: false }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const created = await declarations.create(actor, request.body);
      const body = request.query.submit ? await declarations.submit(actor, created.id) : await declarations.get(actor, created.id);
      return reply.status(201).header('location', `${request.url.split('?')[0]}/${created.id}`).send(body);
    },
  );

  api.get(
    '/declarations',
    {
      schema: {
        summary: 'Search declarations, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(DECLARATION_STATUSES)),
            borderCrossing: Type.Optional(Type.String({ maxLength: 64 })),
            consigneeTin: Type.Optional(Type.String({ maxLength: 32 })),
            vehiclePlate: Type.Optional(Type.String({ maxLength: 16 })),
            q: Type.Optional(Type.String({ maxLength: 200, description: 'text in the reference, parties\' names or plate' })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { q, ...filter } = request.query;
      return declarations.list(userOf(request), { ...filter, ...(q ? { text: q } : {}) });
    },
  );

  api.get('/declarations/:id', { schema: { summary: 'A declaration with its last check and history', params: IdParams } }, async (request) =>
    declarations.get(userOf(request), request.params.id),
  );

  api.put(
    '/declarations/:id',
    { schema: { summary: 'Correct a draft or incomplete declaration', params: IdParams, body: DeclarationInputSchema } },
    async (request) => declarations.update(userOf(request), request.params.id, request.body),
  );

  api.post('/declarations/:id/submit', { schema: { summary: 'Submit: run the document checks', params: IdParams } }, async (request) =>
    declarations.submit(userOf(request), request.params.id),
  );

  api.post(
    '/declarations/:id/status',
    {
      schema: {
        summary: 'Move a declaration along its lifecycle',
        params: IdParams,
        body: Type.Object(
          { status: Type.Enum(DECLARATION_STATUSES), reason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => declarations.changeStatus(userOf(request), request.params.id, request.body.status, request.body.reason),
  );

  api.post(
    '/declarations/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary: 'Bulk import: an array of declarations; each is checked and stored, bad ones reported by index',
        body: Type.Array(Type.Unknown(), { maxItems: 100_000 }),
      },
    },
    async (request) => {
      // Items are validated one by one by the import, so one bad item does not refuse the rest.
      const rows: ImportRow[] = request.body.map((record, index) => ({ line: index + 1, record }));
      const problems: ImportOutcome[] = [];
      const summary = await imports.run(userOf(request), rows, {
        onOutcome: (outcome) => {
          if (outcome.issues.length > 0) problems.push(outcome);
        },
      });
      return { summary, problems };
    },
  );
}
