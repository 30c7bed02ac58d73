/**
 * The drivers' lookup: by plate and code, without a token, showing position, estimate and status and nothing else.
 * An unknown plate and a wrong code get the very same answer, and each address may ask only so often, so the
 * lookup cannot be used to find out which trucks are queued.
 */
import Type from 'typebox';
import type { ApiInstance, ApiServices } from '../context.js';
import { sendError } from '../errors.js';
import { WindowLimit } from '../rate-limit.js';

const LOOKUPS_PER_MINUTE = 30;

export async function queuePublicRoutes(api: ApiInstance, { queueViews }: ApiServices, limit = new WindowLimit(LOOKUPS_PER_MINUTE, 60_000)) {
  api.get(
    '/queue/lookup',
    {
      config: { public: true },
      schema: {
        summary: 'A driver looks up a truck by plate and booking or check-in code: position, estimate and status',
        security: [],
        querystring: Type.Object(
          { plate: Type.String({ minLength: 1, maxLength: 16 }), code: Type.String({ minLength: 1, maxLength: 32 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      if (!limit.take(request.ip)) return sendError(reply, 429, 'TOO_MANY_REQUESTS', `at most ${LOOKUPS_PER_MINUTE} lookups a minute`);
      const found = await queueViews.lookup(request.query.plate, request.query.code);
      if (!found.found) return sendError(reply, 404, 'NOT_FOUND', 'no truck with this plate and code');
      return { status: found.status, position: found.position, estimatedCallAt: found.estimatedCallAt };
    },
  );
}
