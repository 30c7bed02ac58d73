/**
 * The simulator's API: the shipped scenarios, a run compared over policies, worked out off the server's event loop,
 * and the bounds a request keeps to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SIMULATED_TRUCKS } from '../../src/adapters/http/routes/simulations.js';
import type { Api } from '../../src/adapters/http/server.js';
import { openPlatform, type Platform } from '../../src/apps/platform.js';
import { apiWorld, type ApiCall } from '../support/api-world.js';

let platform: Platform;
let api: Api;
let call: ApiCall;

interface Run {
  id: string;
  status: 'running' | 'done' | 'failed';
  percent: number;
  reports?: Array<{ policy: string; trucks: { arrived: number }; series: { atCrossing: number[] }; waitHours: { count: number } }>;
}

/** Starts a run and fetches it until it is over. */
async function runToEnd(user: 'admin' | 'inspector', body: object): Promise<Run> {
  const started = await call('POST', '/simulations', user, body);
  expect(started.statusCode).toBe(202);
  const { id } = started.json<Run>();
  expect(started.headers.location).toBe(`/api/v1/simulations/${id}`);
  for (;;) {
    const run = (await call('GET', `/simulations/${id}`, user)).json<Run>();
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
    const run = await runToEnd('admin', body);
    expect(run).toMatchObject({ status: 'done', percent: 100 });
    const reports = run.reports!;
    expect(reports.map((report: { policy: string }) => report.policy)).toEqual(body.policies);
    // Common random numbers: both policies see the same arrivals.
    expect(reports[0]!.trucks.arrived).toBe(reports[1]!.trucks.arrived);
    expect(reports[0]!.series.atCrossing.length).toBeGreaterThan(10);
    expect(reports[0]!.waitHours.count).toBeGreaterThan(0);
    const again = await runToEnd('admin', body);
    expect(again.reports![0]!.waitHours).toEqual(reports[0]!.waitHours);
    // A run is its starter's own.
    expect((await call('GET', `/simulations/${run.id}`, 'inspector')).statusCode).toBe(404);
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
    expect((await runToEnd('admin', small)).status).toBe('done');
    const fourth = await call('POST', '/simulations', 'admin', small);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('answers other requests while the largest run allowed goes on, and refuses a second run meanwhile', async () => {
    const { items, maxSimulatedTrucks, maxRunning } = (await call('GET', '/simulations/scenarios', 'inspector')).json();
    expect(maxRunning).toBe(1);
    // The scenario and number of its policies that come nearest the bound.
    const [largest] = items
      .map((item: { id: string; trucksPerPolicy: number; policies: string[] }) => {
        const policies = item.policies.slice(0, Math.floor(maxSimulatedTrucks / item.trucksPerPolicy));
        return { body: { scenario: item.id, seed: '3', policies }, trucks: policies.length * item.trucksPerPolicy };
      })
      .sort((a: { trucks: number }, b: { trucks: number }) => b.trucks - a.trucks);
    expect(largest.trucks).toBeGreaterThan(maxSimulatedTrucks / 2);
    const started = await call('POST', '/simulations', 'inspector', largest.body);
    expect(started.statusCode).toBe(202);
    const { id } = started.json();

    const busy = await call('POST', '/simulations', 'inspector', largest.body);
    expect(busy.statusCode).toBe(429);
    expect(busy.json().error).toMatchObject({ code: 'BUSY' });
    let slowestMs = 0;
    let answeredWhileRunning = 0;
    let run: Run;
    do {
      const before = performance.now();
      const health = await api.inject({ method: 'GET', url: '/api/v1/health' });
      slowestMs = Math.max(slowestMs, performance.now() - before);
      expect(health.statusCode).toBe(200);
      run = (await call('GET', `/simulations/${id}`, 'inspector')).json<Run>();
      if (run.status === 'running') answeredWhileRunning += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (run.status === 'running');
    expect(run.status).toBe('done');
    // Answered many times over while the run took seconds of a core, each answer quick.
    expect(answeredWhileRunning).toBeGreaterThan(10);
    expect(slowestMs).toBeLessThan(500);
    expect(run.reports).toHaveLength(largest.body.policies.length);
  });
});
