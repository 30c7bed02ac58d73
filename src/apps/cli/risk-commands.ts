/** `corridor risk backtest` and `corridor risk activate`: a rule-set file tried on the past, or put in force. */
import { readFile } from 'node:fs/promises';
import { formatRuleSetIssue, type BacktestSide, type RuleSetIssue } from '../../core/risk/index.js';
import { ServiceError } from '../../services/service-error.js';
import { CONSOLE_USER, type Platform } from '../platform.js';
import { progressBar } from './progress-bar.js';

/** The text of a rule-set file; its issues, if any, are printed with the file's name, line and column. */
async function withFile<T>(file: string, work: (text: string) => Promise<T>): Promise<T> {
  try {
    return await work(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'INVALID_INPUT') {
      const lines = (error.issues as RuleSetIssue[]).map((issue) => `  ${formatRuleSetIssue(issue, file)}`);
      throw new Error(`${error.message}:\n${lines.join('\n')}`);
    }
    throw error;
  }
}

export async function activateRuleSetFile(platform: Platform, file: string): Promise<void> {
  await withFile(file, async (text) => {
    const uploaded = await platform.risk.ruleSets.upload(CONSOLE_USER, text);
    const active = await platform.risk.ruleSets.activate(CONSOLE_USER, uploaded.ruleSetId, uploaded.version);
    console.log(`rule set ${active.ruleSetId} version ${active.version} is in force (from ${file})`);
  });
}

/** Runs `work` with a bar of declarations done, started at the first report of the total. */
async function withProgress<T>(label: string, work: (progress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  const bar = progressBar(`${label} [{bar}] {percentage}% | {value}/{total} declarations | {eta_formatted} left`);
  let started = false;
  try {
    return await work((done, total) => {
      if (!started) bar?.start(total, 0);
      started = true;
      bar?.update(done);
    });
  } finally {
    bar?.stop();
  }
}

/** `corridor risk assess-pending`: every accepted declaration not assessed yet, such as a bulk import's. */
export async function assessPending(platform: Platform): Promise<void> {
  const assessed = await withProgress('assess', (progress) => platform.risk.assessments.assessUnassessed({ progress }));
  console.log(`${assessed} declaration(s) assessed`);
}

const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

function describeSide(side: BacktestSide): string[] {
  return [
    `${side.ruleSet.id} v${side.ruleSet.version}`,
    `${side.channels.green} / ${side.channels.yellow} / ${side.channels.red}`,
    percent(side.inspectionRate),
    percent(side.physicalInspectionRate),
    `${side.all.caught} of ${side.all.findings} (${percent(side.all.catchRate)})`,
    `${side.all.caughtRed} of ${side.all.findings}`,
    `${side.randomSample.caught} of ${side.randomSample.findings} (${percent(side.randomSample.catchRate)})`,
  ];
}

const ROWS = [
  'rule set',
  'green / yellow / red',
  'inspection rate',
  'physical inspection rate',
  'findings caught',
  'findings sent to red',
  'caught in the random sample',
];

export async function backtestRuleSetFile(platform: Platform, file: string): Promise<void> {
  await withFile(file, async (text) => {
    const report = await withProgress('backtest', (progress) => platform.risk.reports.backtest(CONSOLE_USER, text, progress));
    const columns = [ROWS, describeSide(report.candidate), ...(report.current ? [describeSide(report.current)] : [])];
    const widths = columns.map((column) => Math.max(...column.map((cell) => cell.length)));
    console.log(`${report.candidate.cases} assessed declarations, ${report.candidate.all.known} of them inspected; candidate beside the set in force:`);
    for (let row = 0; row < ROWS.length; row++) {
      console.log(columns.map((column, c) => column[row]!.padEnd(widths[c]!)).join('   '));
    }
    if (report.changes) {
      const { raised, lowered, unchanged, findingsGained, findingsLost } = report.changes;
      console.log(`channels raised ${raised}, lowered ${lowered}, unchanged ${unchanged}; findings gained ${findingsGained}, lost ${findingsLost}`);
    }
    console.log('Results are known only for declarations inspected in the past, which the rules in force chose; the random sample is the unbiased part.');
  });
}
