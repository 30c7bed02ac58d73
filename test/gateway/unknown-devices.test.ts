/**
 * The unknown devices' list outlives the process: a device refused by the gateway is still listed by the API after
 * a restart of the whole server on the same SQLite file, and leaves the list once an operator registers it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/adapters/http/server.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { wirePlatform } from '../../src/apps/platform.js';
import { startGateways } from '../../src/apps/server/gateways.js';
import { encodeImei } from '../../src/protocols/teltonika/encoder.js';
import { TcpClient } from '../support/tcp-client.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const STRANGER = '359633100458591';
const directory = mkdtempSync(join(tmpdir(), 'corridor-unknown-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('unknown devices across a restart', () => {
  it('lists a refused device after the server restarts, until it is registered', async () => {
    const file = join(directory, 'corridor.db');
    const before = openStore(file);
    await before.migrate();
    const gateways = await startGateways({ host: '127.0.0.1', gateway: { teltonika: 0, wialon: -1, egts: -1, osmand: -1 } }, before, silent);
    const port = gateways.listeners[0]!.address.port;
    for (let attempt = 0; attempt < 2; attempt++) {
      const stranger = await TcpClient.open(port);
      await stranger.send(encodeImei(STRANGER));
      expect([...(await stranger.read(1))]).toEqual([0]);
      expect(await stranger.waitClosed()).toBe(true);
    }
    // Stopping the gateways writes what they refused; nothing else keeps it.
    await gateways.close();
    await before.close();

    const after = openStore(file);
    await after.migrate();
    const platform = wirePlatform(after);
    await platform.auth.ensureAdmin('unknown-admin-1');
    const api = await createHttpServer(platform);
    try {
      const login = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'unknown-admin-1' } });
      const headers = { authorization: `Bearer ${login.json().token}` };
      const listed = await api.inject({ method: 'GET', url: '/api/v1/devices/unknown', headers });
      expect(listed.statusCode).toBe(200);
      expect(listed.json().devices).toEqual([
        {
          deviceId: STRANGER, protocol: 'teltonika', remote: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1:\d+$/), attempts: 2,
          firstSeen: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), lastSeen: expect.stringMatching(/Z$/),
        },
      ]);

      const registered = await api.inject({ method: 'POST', url: '/api/v1/devices', headers, payload: { id: STRANGER, protocol: 'teltonika' } });
      expect(registered.statusCode).toBeLessThan(300);
      expect((await api.inject({ method: 'GET', url: '/api/v1/devices/unknown', headers })).json()).toEqual({ devices: [] });
    } finally {
      await api.close();
      await after.close();
    }
  });
});
