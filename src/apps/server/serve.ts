/** `corridor serve`: everything in one process on the embedded defaults, or on PostgreSQL when configured. */
import { pino } from 'pino';
import { loadCountryIndex } from '../../adapters/geo/natural-earth.js';
import { createHttpServer } from '../../adapters/http/server.js';
import { systemClock } from '../../ports/clock.js';
import type { Config } from '../config.js';
import { openPlatform, type Platform } from '../platform.js';
import { startGateways, type Gateways } from './gateways.js';
import { loadSealMappings } from './seal-mappings-file.js';

export interface Served {
  platform: Platform;
  url: string;
  gateways: Gateways;
  close(): Promise<void>;
}

export async function serve(config: Config, seed?: (platform: Platform) => Promise<unknown>): Promise<Served> {
  const log = pino({ level: process.env.CORRIDOR_LOG_LEVEL ?? 'info' });
  const trackerLog = log.child({ component: 'tracker' });
  const platform = await openPlatform(config.db, systemClock, {
    countries: loadCountryIndex(),
    onError: (error) => trackerLog.error({ err: error }, 'tracking failed; it catches up from the store'),
  });
  const admin = await platform.auth.ensureAdmin(config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the first start; it is stored only as a hash.
    console.log(`created user admin with password ${admin.generatedPassword} (set CORRIDOR_ADMIN_PASSWORD to choose it)`);
  }
  if (seed) await seed(platform);
  const sealMappings = await loadSealMappings(config.sealMappingsFile);
  // The tracker first: it loads the open trips and catches up on what was stored while the server was down.
  await platform.tracker.start();
  const gateways = await startGateways(config, platform.store, log.child({ component: 'gateway' }), {
    sealMappings,
    onDurable: platform.tracker.durable,
  });
  const app = await createHttpServer(platform, {
    logger: log,
    gateway: { registry: gateways.registry, metrics: gateways.metrics.registry },
  });
  const url = await app.listen({ host: config.host, port: config.httpPort });
  for (const listener of gateways.listeners) {
    app.log.info({ protocol: listener.protocol, port: listener.address.port }, 'device gateway listening');
  }
  return {
    platform,
    url,
    gateways,
    close: async () => {
      await gateways.close();
      await app.close();
      await platform.close();
    },
  };
}
