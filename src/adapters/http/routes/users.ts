import Type from 'typebox';
import { ROLES } from '../../../core/model/index.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';
import { UserSchema } from './auth.js';

export async function userRoutes(api: ApiInstance, { auth, store }: ApiServices) {
  api.post(
    '/users',
    {
      schema: {
        summary: 'Create a user (administrators)',
        body: Type.Object(
          {
            username: Type.String({ maxLength: 64 }),
            password: Type.String({ maxLength: 1024 }),
            role: Type.Enum(ROLES),
            carrierId: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await auth.addUser(userOf(request), request.body)),
  );

  api.get('/users', { schema: { summary: 'List users (administrators)', response: { 200: Type.Array(UserSchema) } } }, async (request) =>
    auth.listUsers(userOf(request)),
  );

  api.get(
    '/audit',
    {
      schema: {
        summary: 'The append-only audit log, newest first',
        querystring: Type.Object(
          {
            entity: Type.Optional(Type.String({ maxLength: 64 })),
            entityId: Type.Optional(Type.String({ maxLength: 128 })),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
            offset: Type.Integer({ minimum: 0, default: 0 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      auth.require(userOf(request), 'audit:read');
      return { entries: await store.audit.list(request.query) };
    },
  );
}
