/**
 * Risk assessment speed on one core: assessments per second for a rule set of 200 rules (generated from every kind
 * of condition, risk-workload.ts) over declarations of 20 goods items, with the draw given (as on re-assessment and
 * in backtests) and with the HMAC draw computed first (as on a first assessment).
 *
 * `node --import tsx bench/risk.ts` prints one JSON object per result; BENCH_RISK_RULES, BENCH_RISK_ITEMS,
 * BENCH_RISK_RUN_MS and BENCH_RISK_RUNS change the sizes and timing. The figures are medians of the runs, by the
 * wall clock and by CPU time; the workload's shape (rules fired per assessment, channel shares) is printed beside
 * them, since a set whose rules fire more often costs more (each fired rule writes its inputs and explanation).
 */
import { pathToFileURL } from 'node:url';
import { hmacSelectionKey } from '../src/adapters/risk/hmac.js';
import { assess, compileRuleSet, drawFor, type Assessment } from '../src/core/risk/index.js';
import { benchCases, benchRuleSet } from './risk-workload.js';

const RUN_MS = Number(process.env.BENCH_RISK_RUN_MS ?? 1000);
const RUNS = Number(process.env.BENCH_RISK_RUNS ?? 7);
const WARMUP_MS = 1000;
const CASES = 2000;

interface Rate {
  /** Median over the runs, by the wall clock. */
  perSecond: number;
  /** Median over the runs, by the CPU time the process was given: the figure for one core on a shared machine. */
  perCpuSecond: number;
  runs: number[];
}

/**
 * Calls per second of `pass` (which makes `perPass` calls), after a warm-up: the median of the runs by the wall clock
 * and by process CPU time. On a quiet machine the two agree; on a busy one the wall clock counts time the process
 * waited for a core, and the CPU figure is the one that says what a core does.
 */
function measure(pass: () => number, perPass: number): Rate {
  let sink = 0;
  const warmupEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmupEnd) sink += pass();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let calls = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let elapsed = 0;
    do {
      sink += pass();
      calls += perPass;
      elapsed = performance.now() - started;
    } while (elapsed < RUN_MS);
    const used = process.cpuUsage(cpuStarted);
    wall.push(Math.round(calls / (elapsed / 1000)));
    cpu.push(Math.round(calls / ((used.user + used.system) / 1e6)));
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { perSecond: median(wall), perCpuSecond: median(cpu), runs: wall };
}

export async function riskBenchmarks(): Promise<object[]> {
  const rules = Number(process.env.BENCH_RISK_RULES ?? 200);
  const items = Number(process.env.BENCH_RISK_ITEMS ?? 20);
  const compileStarted = performance.now();
  const ruleSet = benchRuleSet(rules);
  const compileMs = performance.now() - compileStarted;
  const cases = benchCases(CASES, items);

  // What the workload looks like, so the figure can be judged: how many rules fire, which channels come out. And
  // first, that the guards which make it fast change nothing: every assessment equals the one made without them.
  const unguarded = compileRuleSet(ruleSet.definition, { guards: false });
  let fired = 0;
  const channels = { green: 0, yellow: 0, red: 0 };
  for (const c of cases) {
    const a: Assessment = assess(ruleSet, c.declaration, c.context, c.draw);
    const b = JSON.stringify(assess(unguarded, c.declaration, c.context, c.draw));
    if (JSON.stringify(a) !== b) throw new Error(`guards changed the assessment of ${c.declaration.reference}`);
    fired += a.fired.length;
    channels[a.channel]++;
  }
  const workload = {
    rules,
    goodsItems: items,
    declarations: CASES,
    compileMs: Math.round(compileMs * 10) / 10,
    firedPerAssessment: Math.round((fired / CASES) * 100) / 100,
    channelShares: Object.fromEntries(Object.entries(channels).map(([k, v]) => [k, Math.round((v / CASES) * 1000) / 1000])),
  };

  const given = measure(() => {
    let score = 0;
    for (const c of cases) score += assess(ruleSet, c.declaration, c.context, c.draw).score;
    return score;
  }, cases.length);
  await new Promise((resolve) => setImmediate(resolve));

  const key = hmacSelectionKey('bench', new Uint8Array(32).fill(42));
  const withHmac = measure(() => {
    let score = 0;
    for (const c of cases) score += assess(ruleSet, c.declaration, c.context, drawFor(key, c.declaration.reference)).score;
    return score;
  }, cases.length);

  return [
    { benchmark: 'risk-assess', ...workload, assessmentsPerSecond: given.perSecond, assessmentsPerCpuSecond: given.perCpuSecond, runs: given.runs },
    {
      benchmark: 'risk-assess-with-hmac-draw',
      ...workload,
      assessmentsPerSecond: withHmac.perSecond,
      assessmentsPerCpuSecond: withHmac.perCpuSecond,
      runs: withHmac.runs,
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await riskBenchmarks()) console.log(JSON.stringify(result));
}
