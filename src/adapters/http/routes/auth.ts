import Type from 'typebox';
import { ROLES } from '../../../core/model/index.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

export const UserSchema = Type.Object({
  username: Type.String(),
  role: Type.Enum(ROLES),
  carrierId: Type.Optional(Type.String()),
  createdAt: Type.String(),
});

export async function authRoutes(api: ApiInstance, { auth }: ApiServices) {
  api.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        summary: 'Exchange a username and password for a bearer token',
        security: [],
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserSchema }) },
      },
    },
    async (request) => auth.login(request.body.username, request.body.password),
  );

  api.get('/auth/me', { schema: { summary: 'The user the token belongs to', response: { 200: UserSchema } } }, async (request) =>
    userOf(request),
  );
}
