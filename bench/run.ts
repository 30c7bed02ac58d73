/**
 * Runs the benchmarks and prints one JSON object per result. `npm run bench` builds first; choose with
 * `BENCH=import,gateway,decode,risk,queue,tracking,tracking-service` (all by default).
 */
import { decodeBenchmarks } from './decode.js';
import { gatewayThroughputBenchmarks } from './gateway-throughput.js';
import { importDeclarationsBenchmark } from './import-declarations.js';
import { queueBenchmarks } from './queue.js';
import { riskBenchmarks } from './risk.js';
import { trackingBenchmarks } from './tracking.js';
import { trackingServiceBenchmark } from './tracking-service.js';

const chosen = new Set((process.env.BENCH ?? 'import,gateway,decode,risk,queue,tracking,tracking-service').split(','));
const print = (result: object) => console.log(JSON.stringify(result));

if (chosen.has('import')) {
  for (const result of await importDeclarationsBenchmark(Number(process.env.BENCH_DECLARATIONS ?? 100_000))) print(result);
}
if (chosen.has('gateway')) {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 1000);
  const seconds = Number(process.env.BENCH_SECONDS ?? 15);
  for (const result of await gatewayThroughputBenchmarks(connections, seconds, Number(process.env.BENCH_OFFERED ?? 50_000))) print(result);
}
if (chosen.has('decode')) {
  for (const result of await decodeBenchmarks()) print(result);
}
if (chosen.has('risk')) {
  for (const result of await riskBenchmarks()) print(result);
}
if (chosen.has('queue')) {
  for (const result of await queueBenchmarks()) print(result);
}
if (chosen.has('tracking')) {
  for (const result of await trackingBenchmarks()) print(result);
}
if (chosen.has('tracking-service')) {
  print(await trackingServiceBenchmark());
}
