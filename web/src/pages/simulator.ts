/**
 * The what-if simulator: a shipped scenario run under a seed for the policies chosen (the same trucks for each),
 * compared side by side and as charts of the queue at the crossing and the waiting time over the run. The server
 * works a run out in the background: the page follows its progress until its reports come.
 */
import { lineChartSvg } from '../../../src/core/charts/svg-line-chart.js';
import { COMPARISON_ROWS } from '../../../src/core/simulation/comparison-rows.js';
import type { SimulationReport } from '../../../src/core/simulation/report.js';
import { svgChart } from '../chart.js';
import { errorText, h, replace, table } from '../dom.js';
import type { Api } from '../api.js';
import type { Page, PageContext } from '../page.js';

/** How often a run's progress is asked for. */
const FOLLOW_MS = 500;

interface ScenarioEntry {
  id: string;
  name: string;
  description: string;
  policies: string[];
  trucksPerPolicy: number;
}

/** A run as GET /simulations/:id answers it. */
interface SimulationRun {
  id: string;
  status: 'running' | 'done' | 'failed';
  percent: number;
  reports?: SimulationReport[];
  error?: string;
}

/** Asks for the run until it is over, showing its progress in `shown`; its reports once done, or its failure thrown. */
async function followRun(api: Api, started: SimulationRun, shown: HTMLProgressElement, signal: AbortSignal): Promise<SimulationReport[]> {
  for (let run = started; ; run = await api.get<SimulationRun>(`/simulations/${encodeURIComponent(run.id)}`)) {
    shown.value = run.percent;
    if (run.status === 'done') return run.reports ?? [];
    if (run.status === 'failed') throw new Error(run.error ?? 'the simulation failed');
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS));
    if (signal.aborted) throw new Error('left the page');
  }
}

function comparison(reports: readonly SimulationReport[]): HTMLElement {
  const hoursOf = (report: SimulationReport) => report.series.minutes.map((minutes) => minutes / 60);
  const over = (title: string, yLabel: string, values: (report: SimulationReport) => ReadonlyArray<number | null>) =>
    svgChart(
      lineChartSvg({
        title,
        xLabel: 'hours after the start',
        yLabel,
        series: reports.map((report) => ({ name: report.policy, points: hoursOf(report).map((hour, i) => [hour, values(report)[i] ?? null] as const) })),
      }),
      title,
    );
  return h(
    'div',
    { class: 'simulation' },
    table(['', ...reports.map((report) => report.policy)], COMPARISON_ROWS.map(([name, cell]) => [name, ...reports.map(cell)]), { class: 'comparison' }),
    h(
      'div',
      { class: 'charts' },
      over('Trucks at the crossing', 'trucks waiting (in the order or holding)', (report) => report.series.atCrossing),
      over('Waiting time of the trucks called', 'mean wait, hours', (report) => report.series.meanWaitHours),
    ),
  );
}

export function simulatorPage({ api }: PageContext): Page {
  const form = h('form', { class: 'search simulate' }, 'Loading the scenarios…');
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  const element = h('section', { class: 'simulator' }, h('h1', {}, 'Simulator'), form, result);
  const left = new AbortController();

  api
    .get<{ items: ScenarioEntry[]; maxSimulatedTrucks: number }>('/simulations/scenarios')
    .then(({ items, maxSimulatedTrucks }) => {
      const scenario = h('select', { name: 'scenario' }, ...items.map((item) => h('option', { value: item.id }, item.name)));
      const seed = h('input', { name: 'seed', value: '1', size: 8 });
      const policies = h('fieldset', { class: 'policies' });
      const about = h('p', { class: 'about' });
      /** The chosen scenario's policies, all ticked when they fit in one request, else the first alone. */
      const choose = () => {
        const entry = items.find((item) => item.id === scenario.value)!;
        const fitting = Math.max(1, Math.floor(maxSimulatedTrucks / entry.trucksPerPolicy));
        replace(policies, h('legend', {}, 'Policies'), ...entry.policies.map((name, i) => h('label', {}, h('input', { type: 'checkbox', name: 'policy', value: name, checked: entry.policies.length <= fitting || i === 0 }), name)));
        replace(about, `${entry.description} About ${entry.trucksPerPolicy.toLocaleString()} trucks a policy; at most ${maxSimulatedTrucks.toLocaleString()} a run.`);
      };
      scenario.addEventListener('change', choose);
      replace(form, h('label', {}, 'Scenario', scenario), h('label', {}, 'Seed', seed), policies, h('button', { type: 'submit' }, 'Run'), about);
      choose();
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = [...policies.querySelectorAll<HTMLInputElement>('input[name=policy]:checked')].map((box) => box.value);
        const progress = h('progress', { max: 100, value: 0 });
        replace(result, h('p', { class: 'running' }, 'Simulating… ', progress));
        api
          .post<SimulationRun>('/simulations', { scenario: scenario.value, seed: seed.value.trim() || '1', policies: chosen })
          .then((run) => followRun(api, run, progress, left.signal))
          .then((reports) => replace(result, comparison(reports)))
          .catch((error: unknown) => left.signal.aborted || replace(result, h('p', { class: 'error' }, errorText(error))));
      });
    })
    .catch((error: unknown) => replace(form, h('p', { class: 'error' }, errorText(error))));
  return { element, dispose: () => left.abort() };
}
