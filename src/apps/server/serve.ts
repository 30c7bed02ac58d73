/**
 * `corridor serve`: everything in one process on the embedded defaults, or on PostgreSQL and JetStream when
 * configured; and `corridor api`, the API and console alone, for a scaled-out deployment (see processes.ts).
 */
import { pino, type Logger } from 'pino';
import { connectNatsBus, type NatsBus } from '../../adapters/bus/nats/nats-bus.js';
import { loadCountryIndex } from '../../adapters/geo/natural-earth.js';
import { builtConsoleDir } from '../../adapters/http/console-files.js';
import { readExchangeRatesFile } from '../../adapters/risk/exchange-rates-file.js';
import { createHttpServer } from '../../adapters/http/server.js';
import { systemClock } from '../../ports/clock.js';
import type { Config } from '../config.js';
import { readOperatorConfig } from '../../adapters/exchange/operator-config.js';
import { openPlatform, type Platform } from '../platform.js';
import { startGateways, type Gateways } from './gateways.js';
import { startPartitionMaintenance } from './partition-maintenance.js';
import { loadSealMappings } from './seal-mappings-file.js';
import { startTrackerRole, type TrackerRole } from './tracker-role.js';
import { startNewsConsumers, startNewsPublishing, startNewsRelay, type NewsRole } from './tracking-news-roles.js';

/** How often called trucks are checked for no-shows and stale estimates refreshed. */
const QUEUE_SWEEP_MS = 15_000;
/** How often the operators' outbox is looked at for retries. */
const EXCHANGE_ROUND_MS = 2_000;

export interface Served {
  platform: Platform;
  url: string;
  gateways: Gateways;
  close(): Promise<void>;
}

export interface ServedApi {
  platform: Platform;
  url: string;
  close(): Promise<void>;
}

export async function serve(config: Config, seed?: (platform: Platform) => Promise<unknown>): Promise<Served> {
  const log = serverLog();
  // On JetStream this process is a tracker and an API as the separate processes are, its news going over the bus.
  const bus = config.bus ? await connectBus(config, 'corridor serve', log) : undefined;
  const { platform } = await openServerPlatform(config, { log, seed, ...(bus ? { news: bus } : {}) });
  const trackerLog = log.child({ component: 'tracker' });
  const sealMappings = await loadSealMappings(config.sealMappingsFile);
  // The tracker first: it loads the open trips and catches up on what was stored while the server was down.
  await platform.tracker.start();
  let trackerRole: TrackerRole | undefined;
  const newsRoles: NewsRole[] = [];
  if (bus) {
    // It consumes every shard it can lease, as a `corridor tracker` would.
    trackerRole = await startTrackerRole(platform, bus, { log: trackerLog, leaseMs: config.shardLeaseMs });
    newsRoles.push(await startNewsPublishing(platform, bus, trackerLog), await startNewsConsumers(platform, bus, bus.settings.maxAgeMs, trackerLog));
  }
  const maintenance = await startPartitionMaintenance(platform.store, config.positionRetentionDays, log.child({ component: 'store' }));
  const gateways = await startGateways(config, platform.store, log.child({ component: 'gateway' }), {
    sealMappings,
    ...(bus ? { bus } : { onDurable: platform.tracker.durable }),
  });
  const consoleDir = builtConsoleDir();
  const app = await createHttpServer(platform, {
    logger: log,
    ...(consoleDir ? { consoleDir } : {}),
    gateway: { registry: gateways.registry, metrics: gateways.metrics.registry },
  });
  const url = await app.listen({ host: config.host, port: config.httpPort });
  platform.queueTimers.start(QUEUE_SWEEP_MS);
  // After listening: what a restart left in the operators' outbox goes out, and failed deliveries are retried.
  platform.operator?.exchange.start(EXCHANGE_ROUND_MS);
  for (const listener of gateways.listeners) {
    app.log.info({ protocol: listener.protocol, port: listener.address.port }, 'device gateway listening');
  }
  return {
    platform,
    url,
    gateways,
    close: async () => {
      maintenance.stop();
      await gateways.close();
      await trackerRole?.close();
      await app.close();
      await platform.tracker.stop();
      for (const role of newsRoles) await role.close();
      await bus?.close();
      await platform.close();
    },
  };
}

/**
 * The API and console with the queue timers, over the shared store; no gateways, no tracker (they run apart). On
 * JetStream its live stream comes from the trackers' news, and it acts on them (re-assessment, queue check-in,
 * handover) as a member of each consequence group.
 */
export async function serveApi(config: Config): Promise<ServedApi> {
  const log = serverLog();
  const bus = config.bus ? await connectBus(config, 'corridor api', log) : undefined;
  const { platform } = await openServerPlatform(config, { log, ...(bus ? { news: bus } : {}) });
  const newsLog = log.child({ component: 'tracking-news' });
  // Its operators' actions on alerts go into the outbox; its relay publishes them.
  const news = bus ? [startNewsRelay(platform, bus, newsLog), await startNewsConsumers(platform, bus, bus.settings.maxAgeMs, newsLog)] : [];
  const consoleDir = builtConsoleDir();
  const app = await createHttpServer(platform, { logger: log, ...(consoleDir ? { consoleDir } : {}) });
  const url = await app.listen({ host: config.host, port: config.httpPort });
  platform.queueTimers.start(QUEUE_SWEEP_MS);
  // After listening: what a restart left in the operators' outbox goes out, and failed deliveries are retried.
  platform.operator?.exchange.start(EXCHANGE_ROUND_MS);
  return {
    platform,
    url,
    close: async () => {
      await app.close();
      for (const role of news) await role.close();
      await bus?.close();
      await platform.close();
    },
  };
}

/** The JetStream bus of `config.bus`, its stream and consumers created or verified. */
export function connectBus(config: Config, name: string, log: Logger): Promise<NatsBus> {
  const busLog = log.child({ component: 'bus' });
  return connectNatsBus(config.bus!, { shardCount: config.busShards, replicas: config.busReplicas, name, onError: (error) => busLog.warn({ err: error }, 'bus consumption; retrying') });
}

export function serverLog(): Logger {
  return pino({ level: process.env.CORRIDOR_LOG_LEVEL ?? 'info' });
}

export interface ServerPlatformOptions {
  log?: Logger;
  seed?: (platform: Platform) => Promise<unknown>;
  /** The bus of the tracker's news, in a scaled-out process (see PlatformOptions.news). */
  news?: NatsBus;
}

/** The log, and the platform with its administrator, as every server process opens them. */
export async function openServerPlatform(config: Config, options: ServerPlatformOptions = {}): Promise<{ log: Logger; platform: Platform }> {
  if (config.riskSecret === undefined && process.env.NODE_ENV === 'production') {
    throw new Error('CORRIDOR_RISK_SECRET is not set: in production random selection needs a secret of its own, `id:secret` with 32 bytes or more in hex or base64');
  }
  const log = options.log ?? serverLog();
  const trackerLog = log.child({ component: 'tracker' });
  const operator = config.operatorConfig === undefined ? undefined : await readOperatorConfig(config.operatorConfig);
  const platform = await openPlatform(config.db, systemClock, {
    ...(config.riskSecret === undefined ? {} : { riskSecret: config.riskSecret }),
    ...(config.exchangeRatesFile === undefined ? {} : { exchangeRates: readExchangeRatesFile(config.exchangeRatesFile) }),
    ...(operator === undefined ? {} : { operator: { identity: operator } }),
    ...(options.news === undefined ? {} : { news: options.news }),
    tracking: {
      countries: loadCountryIndex(),
      onError: (error) => trackerLog.error({ err: error }, 'tracking failed; it catches up from the store'),
    },
  });
  await platform.obligations.ready();
  if (!platform.risk.selectionKeyConfigured) {
    console.log('random selection draws under a secret made for this installation and kept in its database (CORRIDOR_RISK_SECRET is not set)');
  }
  const admin = await platform.auth.ensureAdmin(config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the first start; it is stored only as a hash.
    console.log(`created user admin with password ${admin.generatedPassword} (set CORRIDOR_ADMIN_PASSWORD to choose it)`);
  }
  if (options.seed) await options.seed(platform);
  return { log, platform };
}
