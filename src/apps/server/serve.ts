/** `corridor serve`: everything in one process on the embedded defaults, or on PostgreSQL when configured. */
import { createHttpServer } from '../../adapters/http/server.js';
import type { Config } from '../config.js';
import { openPlatform, type Platform } from '../platform.js';

export interface Served {
  platform: Platform;
  url: string;
  close(): Promise<void>;
}

export async function serve(config: Config, seed?: (platform: Platform) => Promise<unknown>): Promise<Served> {
  const platform = await openPlatform(config.db);
  const admin = await platform.auth.ensureAdmin(config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the first start; it is stored only as a hash.
    console.log(`created user admin with password ${admin.generatedPassword} (set CORRIDOR_ADMIN_PASSWORD to choose it)`);
  }
  if (seed) await seed(platform);
  const app = await createHttpServer(platform, { logger: { level: process.env.CORRIDOR_LOG_LEVEL ?? 'info' } });
  const url = await app.listen({ host: config.host, port: config.httpPort });
  return {
    platform,
    url,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}
