/**
 * What the gateway sees: open device connections and Prometheus metrics, from this process's gateway; and the
 * refused unknown devices, from the store, so that any process serving the API lists what every gateway refused.
 */
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { can } from '../../../core/auth/permissions.js';
import type { GatewayRegistry } from '../../../services/gateway-registry.js';
import { ServiceError } from '../../../services/service-error.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

export interface GatewayView {
  registry: GatewayRegistry;
  metrics: Registry;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function requireReader(request: Parameters<typeof userOf>[0]): void {
  const user = userOf(request);
  if (!can(user.role, 'devices:write') && !can(user.role, 'audit:read')) {
    throw new ServiceError('FORBIDDEN', `role ${user.role} may not see the gateway's connections`);
  }
}

export async function unknownDeviceRoutes(api: ApiInstance, { store }: ApiServices) {
  api.get('/devices/unknown', { schema: { summary: 'Devices refused because they are not registered, most recent first' } }, async (request) => {
    requireReader(request);
    const devices = await store.unknownDevices.list();
    return { devices: devices.map((d) => ({ ...d, firstSeen: iso(d.firstSeen), lastSeen: iso(d.lastSeen) })) };
  });
}

export async function gatewayRoutes(api: ApiInstance, gateway: GatewayView) {
  api.get('/gateway/connections', { schema: { summary: 'Device connections open now, with their counters' } }, async (request) => {
    requireReader(request);
    return {
      connections: gateway.registry.connections().map((c) => ({ ...c, connectedAt: iso(c.connectedAt), lastFrameAt: iso(c.lastFrameAt) })),
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
