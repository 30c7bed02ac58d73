/** Roadside teams: their position and shift, the trucks proposed to them, and the trucks assigned to them. */
import Type from 'typebox';
import { LatLonSchema } from '../../../core/model/index.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

const TeamParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Instant = Type.String({ format: 'date-time', maxLength: 64 });
const ShiftSchema = Type.Object({ start: Instant, end: Instant }, { additionalProperties: false });

export async function teamRoutes(api: ApiInstance, { risk }: ApiServices) {
  const { roadside } = risk;
  api.post(
    '/teams',
    {
      schema: {
        summary: 'Create a roadside team',
        body: Type.Object({ name: Name, position: Type.Optional(LatLonSchema), shift: Type.Optional(ShiftSchema) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const team = await roadside.create(userOf(request), request.body);
      return reply.status(201).header('location', `${request.url}/${team.id}`).send(team);
    },
  );

  api.get('/teams', { schema: { summary: 'Roadside teams, by name' } }, async (request) => roadside.list(userOf(request)));

  api.get('/teams/:id', { schema: { summary: 'A roadside team', params: TeamParams } }, async (request) =>
    roadside.get(userOf(request), request.params.id),
  );

  api.patch(
    '/teams/:id',
    {
      schema: {
        summary: "Rename a team, report its position, or change its shift (null ends it); what is left out stays",
        params: TeamParams,
        body: Type.Object(
          { name: Type.Optional(Name), position: Type.Optional(LatLonSchema), shift: Type.Optional(Type.Union([ShiftSchema, Type.Null()])) },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request) => roadside.update(userOf(request), request.params.id, request.body),
  );

  api.delete('/teams/:id', { schema: { summary: 'Delete a roadside team and its assignments', params: TeamParams } }, async (request, reply) => {
    await roadside.delete(userOf(request), request.params.id);
    return reply.status(204).send();
  });

  api.get(
    '/teams/:id/proposals',
    {
      schema: {
        summary: 'Trucks the team can stop: open trips passing within reach in the next minutes, riskiest first',
        params: TeamParams,
        querystring: Type.Object(
          {
            withinMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 60, default: 30 }),
            reachM: Type.Number({ exclusiveMinimum: 0, maximum: 100_000, default: 2_000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => roadside.proposals(userOf(request), request.params.id, request.query),
  );

  api.post(
    '/teams/:id/assignments',
    {
      schema: {
        summary: 'Assign the truck of a declaration to the team',
        params: TeamParams,
        body: Type.Object({ declarationId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => reply.status(201).send(await roadside.assign(userOf(request), request.params.id, request.body.declarationId)),
  );

  api.get('/teams/:id/assignments', { schema: { summary: "The team's assignments, newest first", params: TeamParams } }, async (request) =>
    roadside.assignments(userOf(request), request.params.id),
  );
}
