import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtConsoleDir } from '../../src/adapters/http/console-files.js';
import { createHttpServer, type Api } from '../../src/adapters/http/server.js';
import { openPlatform, type Platform } from '../../src/apps/platform.js';

describe('the console beside the API', () => {
  let dir: string;
  let platform: Platform;
  let api: Api;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-console-files-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    platform = await openPlatform(':memory:');
    api = await createHttpServer(platform, { consoleDir: dir });
  });

  afterAll(async () => {
    await api.close();
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console without a token', async () => {
    const page = await api.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>console</title>');
  });

  it('still asks for a token on the API, and answers an unknown API route as before', async () => {
    expect((await api.inject({ method: 'GET', url: '/api/v1/declarations' })).statusCode).toBe(401);
    const missing = await api.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('finds the built console under the package root, and nothing before it is built', () => {
    const root = mkdtempSync(join(tmpdir(), 'corridor-package-'));
    const deep = join(root, 'dist', 'src', 'adapters', 'http');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{}');
    expect(builtConsoleDir(deep)).toBeUndefined();
    mkdirSync(join(root, 'dist', 'console'));
    writeFileSync(join(root, 'dist', 'console', 'index.html'), '');
    expect(builtConsoleDir(deep)).toBe(join(root, 'dist', 'console'));
    rmSync(root, { recursive: true, force: true });
  });
});
