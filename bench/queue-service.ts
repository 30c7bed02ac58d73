/**
 * The border queue through its service path with 100,000 trucks at one crossing: each command run in the
 * crossing's turn and durable in SQLite (its log record, events and entry rows in one transaction) before it
 * returns, beside the bare core taking the same commands in the same run; and the time to rebuild the queue from
 * its log, as after a restart. `node --import tsx bench/queue-service.ts`; BENCH_QUEUE_TRUCKS and BENCH_QUEUE_OPS
 * change the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSqliteStore } from '../src/adapters/store/sqlite/sqlite-store.js';
import { applyCommand, createQueue, queueConfigFor, refreshEstimates, type QueueCommand, type QueueState } from '../src/core/queue/index.js';
import { createRng } from '../src/core/random/index.js';
import { BORDER_CROSSINGS } from '../src/core/reference/index.js';
import type { EnteringCommand, LiveQueue } from '../src/services/queue/live-queue.js';
import { LiveQueue as Live } from '../src/services/queue/live-queue.js';
import { QueueRegistry } from '../src/services/queue/queue-registry.js';
import { collectGarbage, makeTruck, timing, type Timing, type Truck } from './queue.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 10, 20, 8, 0, 0);
const START = NOW - 14 * 24 * HOUR;

function checkInOf(truck: Truck): EnteringCommand {
  return {
    kind: 'check_in', at: truck.at, by: 'geofence', route: 'geofence', truck: { plate: `T${truck.n}`, country: 'KZ' },
    declarationId: `D${truck.n}`, channel: truck.channel, facts: truck.facts, lookupCode: `C${truck.n}`, owner: 'bench',
  };
}

/** Times `run` once per command, on the core state and on the durable queue alike. */
async function timed(commands: QueueCommand[], run: (command: QueueCommand) => Promise<unknown> | unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const samples: number[] = [];
  for (const command of commands) {
    const started = performance.now();
    await run(command);
    samples.push(performance.now() - started);
  }
  return timing(samples, cpu);
}

/** Calls on every lane in turn, the truck arriving and the lane freed at once (those two not timed). */
async function calls(ops: number, state: () => QueueState, apply: (command: QueueCommand) => Promise<unknown> | unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const samples: number[] = [];
  let t = NOW + HOUR;
  for (let i = 0; i < ops; i++) {
    const lanes = state().lanes;
    const lane = lanes[i % lanes.length]!.id;
    t += 1000;
    const started = performance.now();
    const result = (await apply({ kind: 'call_next', lane, at: t, by: 'officer', expectedVersion: state().version })) as { ok: boolean; entry?: { id: string } };
    samples.push(performance.now() - started);
    if (!result.ok || result.entry === undefined) throw new Error(`call ${i} refused`);
    await apply({ kind: 'arrive', at: t, by: 'camera', entryId: result.entry.id });
    await apply({ kind: 'lane_freed', at: t, by: 'officer', lane });
  }
  return timing(samples, cpu);
}

export async function queueServiceBenchmarks(): Promise<object[]> {
  const trucks = Number(process.env.BENCH_QUEUE_TRUCKS ?? 100_000);
  const ops = Number(process.env.BENCH_QUEUE_OPS ?? 2000);
  const directory = mkdtempSync(join(tmpdir(), 'corridor-bench-queue-'));
  const store = openSqliteStore(join(directory, 'corridor.db'));
  try {
    await store.migrate();
    const crossing = BORDER_CROSSINGS.find((c) => c.code === 'TROITSK-KAIRAK')!;
    const config = queueConfigFor(crossing);
    const created = createQueue(config, START);
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const core = created.state;
    const live: LiveQueue = await Live.start(store.queues, config, START);

    const rng = createRng('bench/queue-service');
    const backlog = Array.from({ length: trucks }, (_, n) => checkInOf(makeTruck(rng, n, START + Math.floor((n / trucks) * 14 * 24 * HOUR))));
    const buildStarted = performance.now();
    for (const command of backlog) await live.apply(command);
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    for (const command of backlog) applyCommand(core, command);
    await live.refresh(NOW);
    refreshEstimates(core, NOW);

    // A new registry over the same file: the first command loads the queue by replaying its log, as after a restart.
    const registry = new QueueRegistry(store, { now: () => new Date(NOW) });
    const replayStarted = performance.now();
    const restarted = await registry.withQueue(crossing.code, (queue) => queue);
    const replaySeconds = (performance.now() - replayStarted) / 1000;
    if (restarted.state.version !== core.version) throw new Error('the replayed queue is at another version');
    const durable = (command: QueueCommand) => registry.withQueue(crossing.code, (queue) => queue.apply(command));

    const base = {
      trucks,
      inOrder: core.order.reduce((n, list) => n + list.size, 0),
      crossing: crossing.code,
      store: 'sqlite file, WAL, synchronous=NORMAL',
      loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    };
    const results: object[] = [
      { benchmark: 'queue-durable-build', implementation: 'corridor-service', ...base, seconds: Math.round(buildSeconds * 10) / 10, trucksPerSecond: Math.round(trucks / buildSeconds) },
      { benchmark: 'queue-restart', implementation: 'corridor-service', ...base, records: trucks + 1, seconds: Math.round(replaySeconds * 100) / 100 },
    ];

    const arrivals = (from: number) => Array.from({ length: ops }, (_, i) => checkInOf(makeTruck(rng, from + i, NOW + i * 1000)));
    collectGarbage();
    results.push({ benchmark: 'queue-check-in', implementation: 'core', ...base, ...(await timed(arrivals(trucks), (c) => applyCommand(core, c))) });
    collectGarbage();
    results.push({ benchmark: 'queue-check-in', implementation: 'corridor-service', ...base, ...(await timed(arrivals(trucks), durable)) });
    collectGarbage();
    results.push({ benchmark: 'queue-call-next', implementation: 'core', ...base, ...(await calls(ops, () => core, (c) => applyCommand(core, c))) });
    collectGarbage();
    results.push({ benchmark: 'queue-call-next', implementation: 'corridor-service', ...base, ...(await calls(ops, () => restarted.state, durable)) });
    collectGarbage();
    const refreshes = Array.from({ length: 10 }, (_, r) => NOW + 2 * HOUR + r);
    const cpu = process.cpuUsage();
    const samples: number[] = [];
    for (const at of refreshes) {
      const started = performance.now();
      await registry.withQueue(crossing.code, (queue) => queue.refresh(at));
      samples.push(performance.now() - started);
    }
    results.push({ benchmark: 'queue-refresh', implementation: 'corridor-service', ...base, refresh: timing(samples, cpu) });
    return results;
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await queueServiceBenchmarks()) console.log(JSON.stringify(result));
}
