/**
 * Timing one decoder on one core: warm up until the JIT has settled, then several timed runs of about a
 * second each, each as many whole passes over the packet set as fit; the median of the runs is reported.
 */

export interface MeasureOptions {
  warmupMs: number;
  runMs: number;
  runs: number;
}

export const DEFAULT_MEASURE: MeasureOptions = {
  warmupMs: Number(process.env.BENCH_DECODE_WARMUP_MS ?? 500),
  runMs: Number(process.env.BENCH_DECODE_RUN_MS ?? 1200),
  runs: Number(process.env.BENCH_DECODE_RUNS ?? 5),
};

/** What a pass decoded: records, and a checksum of them that the optimizer cannot prove unused. */
export interface Pass {
  records: number;
  sink: number;
}

/** Records per second, the median of the runs; `pass` decodes the whole set once. */
export function measure(pass: () => Pass, options: MeasureOptions = DEFAULT_MEASURE): { recordsPerSecond: number; runs: number[] } {
  let sink = 0;
  const warmupEnd = performance.now() + options.warmupMs;
  while (performance.now() < warmupEnd) sink += pass().sink;
  const runs: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    let records = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      const result = pass();
      records += result.records;
      sink += result.sink;
      elapsed = performance.now() - started;
    } while (elapsed < options.runMs);
    runs.push(records / (elapsed / 1000));
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the decoded values alive');
  const sorted = [...runs].sort((a, b) => a - b);
  return { recordsPerSecond: Math.round(sorted[Math.floor(sorted.length / 2)]!), runs: runs.map(Math.round) };
}
