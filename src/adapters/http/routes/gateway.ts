/** What the gateway sees: open device connections, refused unknown devices, and Prometheus metrics. */
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { can } from '../../../core/auth/permissions.js';
import type { GatewayRegistry } from '../../../services/gateway-registry.js';
import { ServiceError } from '../../../services/service-error.js';
import { userOf, type ApiInstance } from '../context.js';

export interface GatewayView {
  registry: GatewayRegistry;
  metrics: Registry;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export async function gatewayRoutes(api: ApiInstance, gateway: GatewayView) {
  const requireReader = (request: Parameters<typeof userOf>[0]) => {
    const user = userOf(request);
    if (!can(user.role, 'devices:write') && !can(user.role, 'audit:read')) {
      throw new ServiceError('FORBIDDEN', `role ${user.role} may not see the gateway's connections`);
    }
  };

  api.get('/gateway/connections', { schema: { summary: 'Device connections open now, with their counters' } }, async (request) => {
    requireReader(request);
    return {
      connections: gateway.registry.connections().map((c) => ({ ...c, connectedAt: iso(c.connectedAt), lastFrameAt: iso(c.lastFrameAt) })),
    };
  });

  api.get('/devices/unknown', { schema: { summary: 'Devices refused because they are not registered, most recent first' } }, async (request) => {
    requireReader(request);
    return {
      devices: gateway.registry.unknownDevices().map((d) => ({ ...d, firstSeen: iso(d.firstSeen), lastSeen: iso(d.lastSeen) })),
    };
  });

  api.get(
    '/devices/:id/contact',
    { schema: { summary: 'When the device last sent anything to this gateway' } },
    async (request) => {
      userOf(request);
      const contact = gateway.registry.lastContact((request.params as { id: string }).id);
      if (!contact) throw new ServiceError('NOT_FOUND', 'no contact from this device since the gateway started');
      return { ...contact, at: iso(contact.at) };
    },
  );
}

/**
 * `/metrics` in Prometheus's text format, outside /api/v1 as scrapers expect. It says how busy the gateway
 * is and nothing about shipments, so it needs no token; bind the API to a private address or filter the
 * path at the proxy if that is too much.
 */
export async function metricsRoute(app: FastifyInstance, metrics: Registry) {
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.metrics()),
  );
}
