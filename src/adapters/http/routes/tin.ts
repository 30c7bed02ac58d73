import Type from 'typebox';
import { validateTin } from '../../../core/identity/index.js';
import type { ApiInstance } from '../context.js';

const IssueSchema = Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() });

export async function tinRoutes(api: ApiInstance) {
  api.get(
    '/tin/:country/:number',
    {
      schema: {
        summary: 'Check a taxpayer identification number (INN, BIN/IIN, UNP, TIN) with its country\'s rules',
        params: Type.Object({
          country: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' }),
          number: Type.String({ maxLength: 64 }),
        }),
        response: {
          200: Type.Object({ valid: Type.Boolean(), kind: Type.Optional(Type.String()), reasons: Type.Array(IssueSchema) }),
        },
      },
    },
    async (request) => {
      const result = validateTin(request.params.country.toUpperCase(), request.params.number);
      return { valid: result.valid, ...(result.kind ? { kind: result.kind } : {}), reasons: result.issues };
    },
  );
}
