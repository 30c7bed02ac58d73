/** Inspections, roadside or at a crossing, and what they found. */
import Type from 'typebox';
import { INSPECTION_RESULTS } from '../../../core/risk/index.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

const InspectionSchema = Type.Object(
  {
    declarationId: Id,
    place: Type.Union([
      Type.Object({ kind: Type.Literal('roadside'), teamId: Id }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('crossing'), crossing: Id }, { additionalProperties: false }),
    ]),
    results: Type.Array(Type.Enum(INSPECTION_RESULTS), { minItems: 1, maxItems: INSPECTION_RESULTS.length }),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export async function inspectionRoutes(api: ApiInstance, { risk }: ApiServices) {
  api.post('/inspections', { schema: { summary: 'Record an inspection and what it found', body: InspectionSchema } }, async (request, reply) =>
    reply.status(201).send(await risk.inspections.record(userOf(request), request.body)),
  );

  api.get(
    '/inspections',
    {
      schema: {
        summary: 'Inspections, newest first',
        querystring: Type.Object(
          {
            declarationId: Type.Optional(Id),
            teamId: Type.Optional(Id),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => risk.inspections.list(userOf(request), request.query),
  );
}
