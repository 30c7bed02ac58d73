/**
 * The console's test world: the console built by Vite, served by the HTTP server over the demo world (crossings,
 * offices, carriers, seals, declarations) with a latest position for every demo seal, on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { createHttpServer } from '../../src/adapters/http/server.js';
import { seedDemo } from '../../src/apps/cli/demo.js';
import { CONSOLE_USER, openPlatform, type Platform } from '../../src/apps/platform.js';
import type { Position, SealDevice } from '../../src/core/model/index.js';

export const USERS = {
  admin: { username: 'admin', password: 'admin-password-1' },
  operator: { username: 'operator', password: 'operator-pass' },
  haulier: { username: 'haulier', password: 'haulier-pass-1' },
} as const;

export interface ConsoleWorld {
  url: string;
  platform: Platform;
  /** The seals that have a latest position. */
  seals: SealDevice[];
  close(): Promise<void>;
}

export async function buildConsole(outDir: string): Promise<void> {
  await build({ configFile: new URL('../../web/vite.config.ts', import.meta.url).pathname, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
}

/**
 * One position per seal along the corridor from Troitsk to Bishkek; every tenth reports tampering, every
 * seventh an open lock, so the map has more than one colour.
 */
export function demoPositions(seals: readonly SealDevice[], now: number): Position[] {
  return seals.map((seal, index) => {
    const along = index / Math.max(1, seals.length - 1);
    return {
      deviceId: seal.id,
      deviceTime: now - 60_000,
      receivedTime: now - 55_000,
      lat: 54.1 + (42.9 - 54.1) * along + ((index % 5) - 2) * 0.05,
      lon: 61.6 + (74.6 - 61.6) * along,
      speed: 60,
      course: 135,
      valid: true,
      attributes: {},
      seal: { locked: index % 7 !== 0, tamper: index % 10 === 0 },
    };
  });
}

export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const consoleDir = mkdtempSync(join(tmpdir(), 'corridor-console-'));
  await buildConsole(consoleDir);
  const platform = await openPlatform(':memory:');
  await platform.auth.ensureAdmin(USERS.admin.password);
  await seedDemo(platform);
  await platform.auth.addUser(CONSOLE_USER, { ...USERS.operator, role: 'operator' });
  await platform.auth.addUser(CONSOLE_USER, { ...USERS.haulier, role: 'haulier', carrierId: 'KZ-1' });
  const seals = await platform.reference.list(CONSOLE_USER, 'devices');
  await platform.store.positions.insertMany(demoPositions(seals, Date.now()));
  const app = await createHttpServer(platform, { consoleDir });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    platform,
    seals,
    close: async () => {
      await app.close();
      await platform.close();
      rmSync(consoleDir, { recursive: true, force: true });
    },
  };
}
