/**
 * The world the API suites share: the test offices and crossing, the given seals, an administrator, two
 * hauliers of different carriers and an inspector, each logged in, and the HTTP server over the platform.
 */
import { expect } from 'vitest';
import { createHttpServer, type Api } from '../../src/adapters/http/server.js';
import { CONSOLE_USER, type Platform } from '../../src/apps/platform.js';
import type { SealDevice } from '../../src/core/model/index.js';
import { ALMATY, BISHKEK, KORDAY } from './fixtures.js';

export type Tokens = Record<'admin' | 'haulier-a' | 'haulier-b' | 'inspector', string>;

/** A request under /api/v1 as one of the world's users. */
export type ApiCall = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, user: keyof Tokens, payload?: object) => Promise<Awaited<ReturnType<Api['inject']>>>;

export async function apiWorld(platform: Platform, seals: readonly SealDevice[]): Promise<{ api: Api; tokens: Tokens; call: ApiCall }> {
  await platform.auth.ensureAdmin('admin-password-1');
  for (const office of [BISHKEK, ALMATY]) await platform.reference.put(CONSOLE_USER, 'offices', office);
  await platform.reference.put(CONSOLE_USER, 'crossings', KORDAY);
  for (const seal of seals) await platform.reference.put(CONSOLE_USER, 'devices', seal);
  await platform.auth.addUser(CONSOLE_USER, { username: 'haulier-a', password: 'haulier-pass-a', role: 'haulier', carrierId: 'carrier-a' });
  await platform.auth.addUser(CONSOLE_USER, { username: 'haulier-b', password: 'haulier-pass-b', role: 'haulier', carrierId: 'carrier-b' });
  await platform.auth.addUser(CONSOLE_USER, { username: 'inspector', password: 'inspector-pass', role: 'inspector' });
  const api = await createHttpServer(platform);
  const login = async (username: string, password: string) => {
    const response = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return response.json<{ token: string }>().token;
  };
  const tokens: Tokens = {
    admin: await login('admin', 'admin-password-1'),
    'haulier-a': await login('haulier-a', 'haulier-pass-a'),
    'haulier-b': await login('haulier-b', 'haulier-pass-b'),
    inspector: await login('inspector', 'inspector-pass'),
  };
  const call: ApiCall = (method, url, user, payload) =>
    api.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[user]}` }, ...(payload ? { payload } : {}) });
  return { api, tokens, call };
}
