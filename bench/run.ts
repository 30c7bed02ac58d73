/**
 * Runs the benchmarks and prints one JSON object per result. `npm run bench` builds first; choose with
 * `BENCH=import,gateway,decode,risk,queue,queue-service,latest-channels,tracking,tracking-service,simulation,console` (all by default).
 *
 * `npm run bench` runs them compiled by tsc, as the platform runs in production: tsx's transform keeps function
 * names by calling a helper wherever a named closure is made, work the shipped code does not do.
 *
 * Each benchmark runs in a fresh process of its own, loading only its own modules: measured in one process,
 * the JIT's state and the heap left by one benchmark changed the figures of the next (the Teltonika decoder
 * measured at half its rate after others had run).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = process.env;

const BENCHMARKS: Record<string, () => Promise<object[]>> = {
  import: async () =>
    (await import('./import-declarations.js')).importDeclarationsBenchmark(Number(env.BENCH_DECLARATIONS ?? 100_000)),
  gateway: async () =>
    (await import('./gateway-throughput.js')).gatewayThroughputBenchmarks(
      Number(env.BENCH_CONNECTIONS ?? 1000),
      Number(env.BENCH_SECONDS ?? 15),
      Number(env.BENCH_OFFERED ?? 50_000),
    ),
  decode: async () => (await import('./decode.js')).decodeBenchmarks(),
  risk: async () => (await import('./risk.js')).riskBenchmarks(),
  queue: async () => (await import('./queue.js')).queueBenchmarks(),
  'queue-service': async () => (await import('./queue-service.js')).queueServiceBenchmarks(),
  'latest-channels': async () => (await import('./latest-channels.js')).latestChannelsBenchmark(Number(env.BENCH_DECLARATIONS ?? 100_000)),
  tracking: async () => (await import('./tracking.js')).trackingBenchmarks(),
  'tracking-service': async () => [await (await import('./tracking-service.js')).trackingServiceBenchmark()],
  simulation: async () => (await import('./simulation.js')).simulationBenchmarks(),
  console: async () => (await import('./console-map.js')).consoleMapBenchmarks(Number(env.BENCH_SEALS ?? 20_000)),
  bus: async () => (await import('./bus.js')).busBenchmarks(Number(env.BENCH_BUS_CONNECTIONS ?? 200), Number(env.BENCH_BUS_PACKETS ?? 100)),
};

const only = process.argv[2];
if (only !== undefined) {
  const run = BENCHMARKS[only];
  if (run === undefined) throw new Error(`no benchmark ${only}; there are ${Object.keys(BENCHMARKS).join(', ')}`);
  for (const result of await run()) console.log(JSON.stringify(result));
} else {
  const chosen = (env.BENCH ?? Object.keys(BENCHMARKS).join(',')).split(',');
  for (const name of chosen) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (child.status !== 0) {
      console.error(`benchmark ${name} failed (${child.signal ?? `exit ${child.status}`})`);
      process.exitCode = 1;
    }
  }
}
