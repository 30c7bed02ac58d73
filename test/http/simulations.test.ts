/** The simulator's API: the shipped scenarios, a run compared over policies, and the bounds a request keeps to. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SIMULATED_TRUCKS } from '../../src/adapters/http/routes/simulations.js';
import type { Api } from '../../src/adapters/http/server.js';
import { openPlatform, type Platform } from '../../src/apps/platform.js';
import { apiWorld, type ApiCall } from '../support/api-world.js';

let platform: Platform;
let api: Api;
let call: ApiCall;


beforeAll(async () => {
  platform = await openPlatform(':memory:');
  ({ api, call } = await apiWorld(platform, []));
});

afterAll(async () => {
  await api.close();
  await platform.close();
});

describe('simulations', { timeout: 60_000 }, () => {
  it('lists the shipped scenarios with their policies and size', async () => {
    const response = await call('GET', '/simulations/scenarios', 'inspector');
    expect(response.statusCode).toBe(200);
    const { items, maxSimulatedTrucks } = response.json();
    expect(maxSimulatedTrucks).toBe(MAX_SIMULATED_TRUCKS);
    const korday = items.find((item: { id: string }) => item.id === 'korday-akzhol-eseal-pilot');
    expect(korday.policies.length).toBeGreaterThan(1);
    expect(korday.trucksPerPolicy).toBeGreaterThan(1_500);
    expect((await call('GET', '/simulations/scenarios', 'haulier-a')).statusCode).toBe(403);
  });

  it('runs policies on the same trucks and answers a report for each, the same for the same seed', async () => {
    const { items } = (await call('GET', '/simulations/scenarios', 'admin')).json();
    const korday = items.find((item: { id: string }) => item.id === 'korday-akzhol-eseal-pilot');
    const body = { scenario: korday.id, seed: '7', policies: korday.policies.slice(0, 2) };
    const response = await call('POST', '/simulations', 'admin', body);
    expect(response.statusCode).toBe(200);
    const { reports } = response.json();
    expect(reports.map((report: { policy: string }) => report.policy)).toEqual(body.policies);
    // Common random numbers: both policies see the same arrivals.
    expect(reports[0].trucks.arrived).toBe(reports[1].trucks.arrived);
    expect(reports[0].series.atCrossing.length).toBeGreaterThan(10);
    expect(reports[0].waitHours.count).toBeGreaterThan(0);
    const again = (await call('POST', '/simulations', 'admin', body)).json();
    expect(again.reports[0].waitHours).toEqual(reports[0].waitHours);
  });

  it('refuses a run too large, an unknown policy or scenario, and more than a few runs a minute', async () => {
    const { items } = (await call('GET', '/simulations/scenarios', 'inspector')).json();
    const large = items.find((item: { trucksPerPolicy: number; policies: string[] }) => item.trucksPerPolicy * item.policies.length > MAX_SIMULATED_TRUCKS);
    const tooLarge = await call('POST', '/simulations', 'inspector', { scenario: large.id, seed: '1', policies: large.policies });
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.json().error.issues[0]).toMatchObject({ code: 'TOO_LARGE', path: 'policies' });
    const unknown = await call('POST', '/simulations', 'inspector', { scenario: 'korday-akzhol-eseal-pilot', seed: '1', policies: ['no-such-policy'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.issues[0]).toMatchObject({ code: 'UNKNOWN_POLICY', path: 'policies[0]' });
    expect((await call('POST', '/simulations', 'inspector', { scenario: 'nowhere', seed: '1', policies: ['x'] })).statusCode).toBe(404);
    // The admin has had two runs this minute: a third is allowed, a fourth is not.
    const korday = items.find((item: { id: string }) => item.id === 'korday-akzhol-eseal-pilot');
    const small = { scenario: korday.id, seed: '1', policies: korday.policies.slice(0, 1) };
    expect((await call('POST', '/simulations', 'admin', small)).statusCode).toBe(200);
    expect((await call('POST', '/simulations', 'admin', small)).statusCode).toBe(429);
  });
});
