/** The HTTP API end to end through Fastify's injector, on a real in-memory SQLite store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/adapters/http/server.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { wirePlatform, type Platform } from '../../src/apps/platform.js';
import { KORDAY, SEAL, validDeclaration } from '../support/fixtures.js';
import { apiWorld, type Tokens } from '../support/api-world.js';

let platform: Platform;
let api: Api;
let tokens: Tokens;

function as(user: keyof Tokens) {
  return { authorization: `Bearer ${tokens[user]}` };
}

beforeAll(async () => {
  const store = openStore(':memory:');
  await store.migrate();
  platform = wirePlatform(store);
  ({ api, tokens } = await apiWorld(platform, [SEAL]));
});

afterAll(async () => {
  await api.close();
  await platform.close();
});

describe('public routes', () => {
  it('answers health without a token, naming the store', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', store: 'sqlite' });
  });

  it('serves an OpenAPI document that lists the routes', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/declarations', '/api/v1/tin/{country}/{number}', '/api/v1/devices']));
  });
});

describe('authentication', () => {
  it('refuses a request without a token, and one with an unknown token', async () => {
    expect((await api.inject({ method: 'GET', url: '/api/v1/declarations' })).statusCode).toBe(401);
    const forged = await api.inject({ method: 'GET', url: '/api/v1/declarations', headers: { authorization: 'Bearer forged' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'nope' } });
    const unknown = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('lets only administrators create users', async () => {
    const payload = { username: 'operator-1', password: 'operator-pass', role: 'operator' };
    expect((await api.inject({ method: 'POST', url: '/api/v1/users', headers: as('inspector'), payload })).statusCode).toBe(403);
    const created = await api.inject({ method: 'POST', url: '/api/v1/users', headers: as('admin'), payload });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
  });
});

describe('declarations', () => {
  it('creates a draft and submits it: a complete one is accepted, with history', async () => {
    const created = await api.inject({ method: 'POST', url: '/api/v1/declarations', headers: as('haulier-a'), payload: validDeclaration('API-1') });
    expect(created.statusCode).toBe(201);
    const id = created.json().declaration.id as string;
    expect(created.json().declaration.status).toBe('draft');
    const submitted = await api.inject({ method: 'POST', url: `/api/v1/declarations/${id}/submit`, headers: as('haulier-a') });
    expect(submitted.statusCode).toBe(200);
    const detail = submitted.json();
    expect(detail.check.issues).toEqual([]);
    expect(detail.declaration.status).toBe('accepted');
    expect(detail.history.map((change: { to: string }) => change.to)).toEqual(['draft', 'submitted', 'accepted']);
  });

  it('marks an incomplete declaration with every reason, and accepts it once corrected', async () => {
    const gaps = validDeclaration('API-2');
    gaps.consignee = { name: 'Unknown recipient', country: 'KZ' };
    gaps.documents = gaps.documents.filter((document) => document.type !== 'cmr');
    const created = await api.inject({ method: 'POST', url: '/api/v1/declarations?submit=true', headers: as('haulier-a'), payload: gaps });
    expect(created.statusCode).toBe(201);
    const detail = created.json();
    expect(detail.declaration.status).toBe('incomplete');
    const paths = detail.check.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['consignee.tin', expect.stringMatching(/^documents/)]));

    const id = detail.declaration.id as string;
    const fixed = await api.inject({ method: 'PUT', url: `/api/v1/declarations/${id}`, headers: as('haulier-a'), payload: validDeclaration('API-2') });
    expect(fixed.statusCode).toBe(200);
    const resubmitted = await api.inject({ method: 'POST', url: `/api/v1/declarations/${id}/submit`, headers: as('haulier-a') });
    expect(resubmitted.json().declaration.status).toBe('accepted');
  });

  it('refuses an impossible lifecycle step with 409', async () => {
    const created = await api.inject({ method: 'POST', url: '/api/v1/declarations', headers: as('admin'), payload: validDeclaration('API-3') });
    const id = created.json().declaration.id as string;
    const jump = await api.inject({ method: 'POST', url: `/api/v1/declarations/${id}/status`, headers: as('admin'), payload: { status: 'closed' } });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('keeps hauliers to their own declarations', async () => {
    const created = await api.inject({ method: 'POST', url: '/api/v1/declarations', headers: as('haulier-a'), payload: validDeclaration('API-4') });
    const id = created.json().declaration.id as string;
    expect((await api.inject({ method: 'GET', url: `/api/v1/declarations/${id}`, headers: as('haulier-b') })).statusCode).toBe(404);
    const listB = await api.inject({ method: 'GET', url: '/api/v1/declarations', headers: as('haulier-b') });
    expect(listB.json().items).toEqual([]);
    const listAdmin = await api.inject({ method: 'GET', url: '/api/v1/declarations?q=API-4', headers: as('admin') });
    expect(listAdmin.json().items.map((d: { reference: string }) => d.reference)).toEqual(['API-4']);
  });

  it('refuses a second declaration with the same reference', async () => {
    const again = await api.inject({ method: 'POST', url: '/api/v1/declarations', headers: as('admin'), payload: validDeclaration('API-1') });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0].path).toBe('reference');
  });

  it('keeps inspectors from writing', async () => {
    const response = await api.inject({ method: 'POST', url: '/api/v1/declarations', headers: as('inspector'), payload: validDeclaration('API-5') });
    expect(response.statusCode).toBe(403);
  });

  it('stores SQL metacharacters as text', async () => {
    const hostile = validDeclaration(`API-'; DROP TABLE declarations; --`);
    hostile.consignee.name = `Robert'); DELETE FROM users; -- "quoted" \\ %_`;
    const created = await api.inject({ method: 'POST', url: '/api/v1/declarations', headers: as('admin'), payload: hostile });
    expect(created.statusCode).toBe(201);
    const id = created.json().declaration.id as string;
    const read = await api.inject({ method: 'GET', url: `/api/v1/declarations/${id}`, headers: as('admin') });
    expect(read.json().declaration.consignee.name).toBe(hostile.consignee.name);
    expect(read.json().declaration.reference).toBe(hostile.reference);
    expect((await api.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });

  it('records every write in the audit log', async () => {
    const audit = await api.inject({ method: 'GET', url: '/api/v1/audit?entity=declaration&limit=1000', headers: as('admin') });
    const actions = audit.json().entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'submit', 'update']));
  });
});

describe('bad input', () => {
  const post = (payload: string, contentType = 'application/json') =>
    api.inject({ method: 'POST', url: '/api/v1/declarations', headers: { ...as('admin'), 'content-type': contentType }, payload });

  it('answers malformed JSON with 400', async () => {
    const response = await post('{"reference": "X",');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/JSON/i);
  });

  it('names the field of a wrong type and of an unknown field', async () => {
    const body = { ...validDeclaration('BAD-1'), goods: [{ ...validDeclaration().goods[0], value: '12' }], surprise: 1 };
    const response = await post(JSON.stringify(body));
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.issues as Array<{ code: string; path: string }>;
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'goods[0].value', code: 'SCHEMA_TYPE' }),
      expect.objectContaining({ path: 'surprise', code: 'UNKNOWN_FIELD' }),
    ]));
  });

  it('refuses control characters in free text, which no store could keep alike', async () => {
    const body = validDeclaration('BAD-NUL');
    body.consignee.name = 'Nul\u0000Byte';
    const response = await post(JSON.stringify(body));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('consignee.name');
  });

  it('refuses an oversized body with 413 and prototype poisoning with 400', async () => {
    expect((await post(JSON.stringify({ reference: 'x'.repeat(2 * 1024 * 1024) }))).statusCode).toBe(413);
    expect((await post('{"reference":"P","__proto__":{"admin":true}}')).statusCode).toBe(400);
  });

  it('refuses a body that is not JSON with 415', async () => {
    expect((await post('reference=X', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/v1/nowhere', headers: as('admin') });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('validates query parameters', async () => {
    const response = await api.inject({ method: 'GET', url: '/api/v1/declarations?limit=abc', headers: as('admin') });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('querystring.limit');
  });
});

describe('taxpayer ID check', () => {
  it('reports a valid INN and a wrong check digit with its reason', async () => {
    const valid = await api.inject({ method: 'GET', url: '/api/v1/tin/RU/7707083893', headers: as('inspector') });
    expect(valid.json()).toMatchObject({ valid: true, reasons: [] });
    const invalid = await api.inject({ method: 'GET', url: '/api/v1/tin/ru/7707083894', headers: as('inspector') });
    expect(invalid.json().valid).toBe(false);
    expect(invalid.json().reasons[0].code).toBe('TIN_CHECK_DIGIT');
  });
});

describe('bulk import', () => {
  it('keeps every good item, reports every bad one by its position, and adds nothing on a re-run', async () => {
    const items = [validDeclaration('BULK-1'), { reference: 'BULK-2', goods: 'many' }, validDeclaration('BULK-3'), validDeclaration('BULK-1')];
    const first = await api.inject({ method: 'POST', url: '/api/v1/declarations/import', headers: as('admin'), payload: items });
    expect(first.statusCode).toBe(200);
    expect(first.json().summary).toEqual({ rows: 4, accepted: 2, incomplete: 0, rejected: 1, duplicates: 1 });
    expect(first.json().problems.map((p: { line: number; outcome: string }) => [p.line, p.outcome])).toEqual([[2, 'rejected'], [4, 'duplicate']]);
    const again = await api.inject({ method: 'POST', url: '/api/v1/declarations/import', headers: as('admin'), payload: items });
    expect(again.json().summary).toMatchObject({ accepted: 0, duplicates: 3, rejected: 1 });
  });
});

describe('reference data', () => {
  it('registers a device with its protocol and refuses an unknown protocol', async () => {
    const ok = await api.inject({ method: 'POST', url: '/api/v1/devices', headers: as('admin'), payload: { id: '862462030000001', protocol: 'egts' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ id: '862462030000001', protocol: 'egts', state: 'available' });
    const bad = await api.inject({ method: 'POST', url: '/api/v1/devices', headers: as('admin'), payload: { id: 'x1', protocol: 'carrier-pigeon' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('protocol');
  });

  it('lists crossings to every role but lets only administrators change them', async () => {
    const list = await api.inject({ method: 'GET', url: '/api/v1/crossings', headers: as('inspector') });
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual([KORDAY.code]);
    const write = await api.inject({ method: 'POST', url: '/api/v1/crossings', headers: as('inspector'), payload: KORDAY });
    expect(write.statusCode).toBe(403);
  });
});
