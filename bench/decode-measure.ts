/**
 * Timing one decoder on one core: warm up until the JIT has settled, then several timed runs of about a
 * second each, each as many whole passes over the packet set as fit; the median of the runs is reported.
 * Two decoders compared are timed in alternating runs, so that both meet the same load on a shared machine.
 */
import { loadavg } from 'node:os';

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

export interface Measured {
  recordsPerSecond: number;
  runs: number[];
}

/** Records per second, the median of the runs; `pass` decodes the whole set once. */
export function measure(pass: () => Pass, options: MeasureOptions = DEFAULT_MEASURE): Measured {
  const timer = new Timer(pass, options);
  timer.warmUp();
  for (let r = 0; r < options.runs; r++) timer.run();
  return timer.result();
}

export interface Compared {
  ours: Measured;
  peer: Measured;
  /** The median of the runs' ratios, each of two runs back to back. */
  ratio: number;
  ratios: number[];
  /** One-minute load average before and after, for the reader to judge how shared the cores were. */
  loadAverage: [number, number];
}

/**
 * Both decoders warmed up alike, then timed in alternating runs, each round one of each, so that a change of load
 * on the machine falls on both rather than on whichever was being timed at that moment.
 */
export function compare(ours: () => Pass, peer: () => Pass, options: MeasureOptions = DEFAULT_MEASURE): Compared {
  const loadBefore = loadavg()[0]!;
  const ourTimer = new Timer(ours, options);
  const peerTimer = new Timer(peer, options);
  ourTimer.warmUp();
  peerTimer.warmUp();
  const ratios: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    // Each goes first in every other round, so that neither always runs after the other's garbage.
    let ourRate: number;
    let peerRate: number;
    if (r % 2 === 0) {
      ourRate = ourTimer.run();
      peerRate = peerTimer.run();
    } else {
      peerRate = peerTimer.run();
      ourRate = ourTimer.run();
    }
    ratios.push(ourRate / peerRate);
  }
  return {
    ours: ourTimer.result(),
    peer: peerTimer.result(),
    ratio: Math.round(median(ratios) * 100) / 100,
    ratios: ratios.map((x) => Math.round(x * 100) / 100),
    loadAverage: [round1(loadBefore), round1(loadavg()[0]!)],
  };
}

class Timer {
  private readonly runs: number[] = [];
  private sink = 0;

  constructor(
    private readonly pass: () => Pass,
    private readonly options: MeasureOptions,
  ) {}

  warmUp(): void {
    const end = performance.now() + this.options.warmupMs;
    while (performance.now() < end) this.sink += this.pass().sink;
  }

  /** One timed run: records per second over as many whole passes as fit in `runMs`. */
  run(): number {
    let records = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      const result = this.pass();
      records += result.records;
      this.sink += result.sink;
      elapsed = performance.now() - started;
    } while (elapsed < this.options.runMs);
    const rate = records / (elapsed / 1000);
    this.runs.push(rate);
    return rate;
  }

  result(): Measured {
    if (Number.isNaN(this.sink)) throw new Error('unreachable: keeps the decoded values alive');
    return { recordsPerSecond: Math.round(median(this.runs)), runs: this.runs.map(Math.round) };
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
