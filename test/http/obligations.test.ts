/**
 * The tracking obligation through the API: decided by the shipped rules when a declaration is submitted, shown with
 * the rule that decided, and enforced: a declaration that must be sealed starts its transit only by arming a seal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/adapters/http/server.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER, type Platform } from '../../src/apps/platform.js';
import { apiWorld, type ApiCall } from '../support/api-world.js';
import { SEAL } from '../support/fixtures.js';
import { armRequest, seedRoute, trackingWorld } from '../tracking/tracking-world.js';

let platform: Platform;
let api: Api;
let call: ApiCall;


beforeAll(async () => {
  const store = openStore(':memory:');
  await store.migrate();
  ({ platform } = trackingWorld(store));
  ({ api, call } = await apiWorld(platform, [SEAL]));
});

afterAll(async () => {
  await api.close();
  await platform.close();
});

describe('tracking obligation', () => {
  it('requires a seal for clothing in transit from Kyrgyzstan to Kazakhstan, naming the rule and the goods', async () => {
    const id = await seedRoute(platform, 'OBL-1', [SEAL.id]);
    const response = await call('GET', `/declarations/${id}/tracking-obligation`, 'admin');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      declarationId: id,
      decision: {
        required: true,
        rules: { id: 'eaeu-navigation-seals', version: 1 },
        decidedBy: { kind: 'rule', id: 'road-transit-clothing-footwear-electronics', goods: { item: 1, prefix: '62' } },
        procedure: 'transit',
        routeCountries: ['KG', 'KZ'],
        memberStatesCrossed: 2,
      },
    });
    expect((await call('GET', '/declarations/nowhere/tracking-obligation', 'admin')).statusCode).toBe(404);
  });

  it('refuses to start the transit by hand, and lets arming the seal start it', async () => {
    const id = await seedRoute(platform, 'OBL-2', [SEAL.id]);
    const byHand = await call('POST', `/declarations/${id}/status`, 'admin', { status: 'in_transit' });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().error.issues).toEqual([expect.objectContaining({ code: 'SEAL_REQUIRED', path: 'status' })]);
    expect((await platform.declarations.get(CONSOLE_USER, id)).declaration.status).toBe('accepted');

    expect((await call('POST', '/trips', 'admin', armRequest(id))).statusCode).toBe(201);
    expect((await platform.declarations.get(CONSOLE_USER, id)).declaration.status).toBe('in_transit');
    // With the seal armed, the steps after the border may be taken by hand again.
    for (const status of ['at_border', 'released', 'in_transit']) {
      expect((await call('POST', `/declarations/${id}/status`, 'admin', { status })).statusCode).toBe(200);
    }
  });

  it('requires a seal for nicotine products exported by road, and none for them in transit, by the declared procedure', async () => {
    const { declaration } = await platform.declarations.get(CONSOLE_USER, await seedRoute(platform, 'OBL-5', [SEAL.id]));
    const { id: _id, status: _s, owner: _o, createdAt: _c, updatedAt: _u, ...input } = declaration;
    const nicotine = { ...input, goods: [{ hsCode: '2404120000', description: 'Nicotine pouches', packages: 50, grossMassKg: 400, value: 36000, currency: 'USD' }] };
    const decided = async (reference: string, procedure: string) => {
      const created = await call('POST', '/declarations', 'admin', { ...nicotine, reference, procedure });
      expect(created.statusCode).toBe(201);
      return (await call('GET', `/declarations/${created.json().declaration.id}/tracking-obligation`, 'admin')).json().decision;
    };
    expect(await decided('OBL-6', 'export')).toMatchObject({ required: true, procedure: 'export', decidedBy: { id: 'nicotine-export', goods: { prefix: '2404' } } });
    expect(await decided('OBL-7', 'transit')).toMatchObject({ required: false, procedure: 'transit', decidedBy: null });

    const unknown = await call('POST', '/declarations', 'admin', { ...nicotine, reference: 'OBL-8', procedure: 'import' });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('procedure');
  });

  it('keeps a declaration without its procedure from acceptance, and decides its obligation as strictly as any procedure would', async () => {
    const { declaration } = await platform.declarations.get(CONSOLE_USER, await seedRoute(platform, 'OBL-9', [SEAL.id]));
    const { id: _id, status: _s, owner: _o, createdAt: _c, updatedAt: _u, procedure: _p, ...input } = declaration;
    const created = await platform.declarations.create(CONSOLE_USER, { ...input, reference: 'OBL-10', goods: [{ hsCode: '2404120000', description: 'Nicotine pouches', packages: 50, grossMassKg: 400, value: 36000, currency: 'USD' }] });
    const submitted = await platform.declarations.submit(CONSOLE_USER, created.id);
    expect(submitted.declaration.status).toBe('incomplete');
    expect(submitted.check?.issues).toEqual([expect.objectContaining({ code: 'FIELD_REQUIRED', path: 'procedure' })]);
    const response = await call('GET', `/declarations/${created.id}/tracking-obligation`, 'admin');
    expect(response.json().decision).toMatchObject({ required: true, procedure: null, decidedBy: { id: 'nicotine-export' } });
  });

  it('needs no seal for goods no rule lists, and lets such a transit start by hand', async () => {
    const id = await seedRoute(platform, 'OBL-3', [SEAL.id]);
    const { declaration } = await platform.declarations.get(CONSOLE_USER, id);
    const { id: _id, status: _s, owner: _o, createdAt: _c, updatedAt: _u, ...input } = declaration;
    const tomatoes = { ...input, goods: [{ hsCode: '070200', description: 'Tomatoes', packages: 100, grossMassKg: 2000, value: 36000, currency: 'USD' }] };
    const other = await platform.declarations.create(CONSOLE_USER, { ...tomatoes, reference: 'OBL-4' });
    await platform.declarations.submit(CONSOLE_USER, other.id);
    const response = await call('GET', `/declarations/${other.id}/tracking-obligation`, 'admin');
    expect(response.json().decision).toMatchObject({ required: false, decidedBy: null });
    expect((await call('POST', `/declarations/${other.id}/status`, 'admin', { status: 'in_transit' })).statusCode).toBe(200);
  });
});
