/**
 * The separate processes of a scaled-out deployment, each over the shared PostgreSQL and NATS JetStream:
 * `corridor gateway` (device listeners publishing to JetStream; a device is acknowledged once JetStream acknowledged)
 * and `corridor tracker --shards a-b` (consumes the shards it leases: stores the positions, follows their trips).
 * `corridor api` is serve.ts's `serveApi`. Each serves its Prometheus metrics and a health check over plain HTTP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { NatsBus } from '../../adapters/bus/nats/nats-bus.js';
import { openStore } from '../../adapters/store/open-store.js';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Platform } from '../platform.js';
import { startGateways, type Gateways } from './gateways.js';
import { startPartitionMaintenance } from './partition-maintenance.js';
import { loadSealMappings } from './seal-mappings-file.js';
import { connectBus, openServerPlatform, serverLog } from './serve.js';
import { startTrackerRole, type TrackerRole } from './tracker-role.js';
import { startNewsPublishing } from './tracking-news-roles.js';

export interface Running {
  /** The metrics and health address. */
  url: string;
  close(): Promise<void>;
}

function requireBus(config: Config, command: string): void {
  if (!config.bus) throw new Error(`corridor ${command} runs beside other processes on a shared bus: set CORRIDOR_BUS=nats://host:4222`);
}

export async function runGateway(config: Config): Promise<Running & { gateways: Gateways }> {
  requireBus(config, 'gateway');
  const log = pino({ level: process.env.CORRIDOR_LOG_LEVEL ?? 'info' });
  const store = openStore(config.db);
  await store.migrate();
  const sealMappings = await loadSealMappings(config.sealMappingsFile);
  let bus: NatsBus | undefined;
  try {
    bus = await connectBus(config, 'corridor gateway', log);
    const gateways = await startGateways(config, store, log.child({ component: 'gateway' }), { bus, sealMappings });
    const status = await listenStatus(config, gateways.metrics.registry, () => ({ connections: gateways.registry.connections().length }));
    for (const listener of gateways.listeners) log.info({ protocol: listener.protocol, port: listener.address.port }, 'device gateway listening');
    log.info({ url: status.url }, 'metrics and health');
    const busOpen = bus;
    return {
      gateways,
      url: status.url,
      close: async () => {
        await gateways.close();
        await busOpen.close();
        await status.close();
        await store.close();
      },
    };
  } catch (error) {
    await bus?.close();
    await store.close();
    throw error;
  }
}

export interface TrackerProcessOptions {
  shards?: readonly number[];
  takeover?: boolean;
}

export async function runTracker(config: Config, options: TrackerProcessOptions = {}): Promise<Running & { platform: Platform; role: TrackerRole }> {
  requireBus(config, 'tracker');
  const log = serverLog();
  const bus = await connectBus(config, 'corridor tracker', log);
  const { platform } = await openServerPlatform(config, { log, news: bus });
  const maintenance = await startPartitionMaintenance(platform.store, config.positionRetentionDays, log.child({ component: 'store' }));
  const news = await startNewsPublishing(platform, bus, log.child({ component: 'tracking-news' }));
  const role = await startTrackerRole(platform, bus, {
    log: log.child({ component: 'tracker' }),
    leaseMs: config.shardLeaseMs,
    ...(options.shards ? { shards: options.shards } : {}),
    ...(options.takeover === undefined ? {} : { takeover: options.takeover }),
  });
  // Its timer ticks the trips of the shards held, and finds the trips armed meanwhile.
  await platform.tracker.start();
  const status = await listenStatus(config, role.metrics.registry, () => ({ shards: [...role.leaser.shards].sort((a, b) => a - b), trips: platform.tracker.openTrips }));
  log.info({ url: status.url }, 'metrics and health');
  return {
    platform,
    role,
    url: status.url,
    close: async () => {
      maintenance.stop();
      await role.close();
      await platform.tracker.stop();
      await news.close();
      await bus.close();
      await status.close();
      await platform.close();
    },
  };
}

/** `/metrics` (Prometheus) and `/health` (JSON) on the HTTP port, for a process that has no API. */
async function listenStatus(config: Config, metrics: Registry, health: () => object): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/metrics') {
      void metrics.metrics().then((text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text));
    } else if (request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', ...health() }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.httpPort, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
