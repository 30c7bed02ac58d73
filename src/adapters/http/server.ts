/** The HTTP API: Fastify under /api/v1, JSON Schema on every route, OpenAPI, bearer tokens. */
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { consoleFiles } from './console-files.js';
import type { ApiServices } from './context.js';
import { errorHandler, sendError } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { gatewayRoutes, metricsRoute, unknownDeviceRoutes, type GatewayView } from './routes/gateway.js';
import { declarationRoutes } from './routes/declarations.js';
import { exchangeRoutes } from './routes/exchange.js';
import { obligationRoutes } from './routes/obligations.js';
import { healthRoutes } from './routes/health.js';
import { inspectionRoutes } from './routes/inspections.js';
import { positionRoutes } from './routes/positions.js';
import { queueRoutes } from './routes/queue.js';
import { queuePublicRoutes } from './routes/queue-public.js';
import { referenceRoutes } from './routes/reference.js';
import { riskRoutes } from './routes/risk.js';
import { teamRoutes } from './routes/teams.js';
import { tinRoutes } from './routes/tin.js';
import { userRoutes } from './routes/users.js';
import { alertRoutes } from './routes/alerts.js';
import { streamRoutes } from './routes/stream.js';
import { tripRoutes } from './routes/trips.js';
import { simulationRoutes } from './routes/simulations.js';

export const API_PREFIX = '/api/v1';

export interface HttpOptions {
  /** The process's logger; none when absent. */
  logger?: FastifyBaseLogger;
  /** Largest request body accepted, in bytes, except on the bulk import route. */
  bodyLimit?: number;
  /** The device gateway's live view, when this process runs one. */
  gateway?: GatewayView;
  /** Directory of the built web console, served at the root; no console when absent. */
  consoleDir?: string;
}

/**
 * Bodies are validated strictly: no type coercion and no silent removal of unknown fields, so a wrong
 * type or an unknown field is a 400 naming it. Query strings and path parameters arrive as text and are
 * coerced to the declared types.
 */
function validators() {
  const common = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;
  const strict = addFormats.default(new Ajv({ ...common, coerceTypes: false }));
  const coercing = addFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema);
}

export async function createHttpServer(services: ApiServices, options: HttpOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Prototype-poisoning keys in JSON are refused, not merged.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validators());
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
  );

  await app.register(swagger, {
    openapi: {
      info: { title: 'Corridor API', version: '1', description: 'Cross-border freight control: declarations, seals, risk, border queues.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const user = token ? await services.auth.authenticate(token) : undefined;
    if (!user) {
      return sendError(reply, 401, 'UNAUTHENTICATED', token ? 'the token is unknown or has expired' : 'a bearer token is required');
    }
    request.user = user;
  });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await healthRoutes(api, services);
      await authRoutes(api, services);
      await userRoutes(api, services);
      await tinRoutes(api);
      await declarationRoutes(api, services);
      await obligationRoutes(api, services);
      await exchangeRoutes(api, services);
      await referenceRoutes(api, services);
      await positionRoutes(api, services);
      await riskRoutes(api, services);
      await inspectionRoutes(api, services);
      await teamRoutes(api, services);
      await queueRoutes(api, services);
      await queuePublicRoutes(api, services);
      await tripRoutes(api, services);
      await alertRoutes(api, services);
      await streamRoutes(api, services);
      await simulationRoutes(api, services);
      await unknownDeviceRoutes(api, services);
      if (options.gateway) await gatewayRoutes(api, options.gateway);
    },
    { prefix: API_PREFIX },
  );
  if (options.gateway) await metricsRoute(app, options.gateway.metrics);
  if (options.consoleDir) await consoleFiles(app, options.consoleDir);
  return app;
}

export type Api = Awaited<ReturnType<typeof createHttpServer>>;
