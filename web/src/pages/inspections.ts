/**
 * Inspections: per roadside team, the trucks proposed to it (open trips passing within reach, riskiest first), a
 * result recorded for one, the team's latest inspections, and how well targeting works as charts: the hit rate of
 * each rule and each channel beside the random baseline's.
 */
import { barChartSvg } from '../../../src/core/charts/svg-bar-chart.js';
import type { EffectivenessReport } from '../../../src/core/risk/effectiveness.js';
import { INSPECTION_RESULTS } from '../../../src/core/risk/inspection-result.js';
import { CHANNELS } from '../../../src/core/model/channel.js';
import { holds } from '../access.js';
import type { Api } from '../api.js';
import { percent, svgChart } from '../chart.js';
import { errorText, h, replace, table, when } from '../dom.js';
import type { Page, PageContext } from '../page.js';
import { href } from '../route.js';

/** How far ahead the proposals look, minutes, as offered. */
const HORIZONS = [30, 120, 24 * 60];

interface Team {
  id: string;
  name: string;
  position?: { lat: number; lon: number };
}

interface Proposal {
  tripId: string;
  declarationId: string;
  reference: string;
  risk: { channel: string; score: number } | null;
  etaMinutes: number;
  reachM: number;
}

interface Inspection {
  id: string;
  declarationId: string;
  /** The declaration's reference, which the list shows. */
  reference: string;
  results: string[];
  at: string;
  by: string;
}

export function effectivenessCharts(report: EffectivenessReport): HTMLElement {
  const baseline = report.randomBaseline.hitRate;
  const reference = baseline === null ? undefined : { label: 'random', value: baseline };
  const stats = (s: { inspected: number; withFindings: number; hitRate: number | null }) => ({ value: s.hitRate, note: s.inspected === 0 ? 'not inspected' : `${s.withFindings} of ${s.inspected}` });
  return h(
    'div',
    { class: 'charts' },
    svgChart(barChartSvg({ title: 'Hit rate by rule', bars: report.byRule.map((rule) => ({ label: rule.ruleId, ...stats(rule.stats) })), max: 1, format: percent, ...(reference ? { reference } : {}) }), 'Hit rate by rule'),
    svgChart(barChartSvg({ title: 'Hit rate by channel', bars: CHANNELS.map((channel) => ({ label: channel, ...stats(report.byChannel[channel].all) })), max: 1, format: percent, ...(reference ? { reference } : {}) }), 'Hit rate by channel'),
  );
}

function recordForm(api: Api, team: Team, proposal: Proposal, done: () => void): HTMLElement {
  const boxes = INSPECTION_RESULTS.map((result) => h('input', { type: 'checkbox', name: 'result', value: result }));
  const notes = h('input', { name: 'notes', size: 40 });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'record' },
    h('h2', {}, `Result for ${proposal.reference}`),
    h('fieldset', {}, ...INSPECTION_RESULTS.map((result, i) => h('label', {}, boxes[i], result.replace(/_/g, ' ')))),
    h('label', {}, 'Notes ', notes),
    h('button', { type: 'submit' }, 'Record'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const results = boxes.filter((box) => box.checked).map((box) => box.value);
    if (results.length === 0) return void (message.textContent = 'Tick what the inspection found (compliant if nothing).');
    api
      .post('/inspections', { declarationId: proposal.declarationId, place: { kind: 'roadside', teamId: team.id }, results, ...(notes.value.trim() ? { notes: notes.value.trim() } : {}) })
      .then(done, (error: unknown) => void (message.textContent = errorText(error)));
  });
  return form;
}

function teamView(api: Api, team: Team, within: number, canRecord: boolean, refreshCharts: () => void): HTMLElement {
  const proposals = h('div', {}, 'Loading…');
  const recording = h('div', {});
  const recent = h('div', {}, 'Loading…');
  const load = () => {
    api
      .get<Proposal[]>(`/teams/${encodeURIComponent(team.id)}/proposals`, { withinMinutes: within, reachM: 5_000 })
      .then((items) =>
        replace(
          proposals,
          items.length === 0
            ? h('p', {}, 'No truck passes within reach in this time.')
            : table(
                ['Declaration', 'Channel', 'Score', 'Passes in', 'Distance', ''],
                items.map((proposal) => [
                  h('a', { href: href('declarations', proposal.declarationId) }, proposal.reference),
                  proposal.risk ? h('span', { class: `badge ${proposal.risk.channel}` }, proposal.risk.channel) : '—',
                  proposal.risk?.score ?? '—',
                  `${Math.round(proposal.etaMinutes)} min`,
                  `${(proposal.reachM / 1000).toFixed(1)} km`,
                  canRecord ? h('button', { type: 'button', onclick: () => replace(recording, recordForm(api, team, proposal, recorded)) }, 'Record a result') : null,
                ]),
                { class: 'list proposals' },
              ),
        ),
      )
      .catch((error: unknown) => replace(proposals, h('p', { class: 'error' }, errorText(error))));
    api
      .get<{ items: Inspection[] }>('/inspections', { teamId: team.id, limit: 20 })
      .then(({ items }) => replace(recent, table(['When', 'Declaration', 'Found', 'By'], items.map((item) => [when(item.at), h('a', { href: href('declarations', item.declarationId) }, item.reference), item.results.join(', ').replace(/_/g, ' '), item.by]), { class: 'list inspections' })))
      .catch((error: unknown) => replace(recent, h('p', { class: 'error' }, errorText(error))));
  };
  const recorded = () => {
    replace(recording, h('p', { class: 'status' }, 'Recorded.'));
    load();
    refreshCharts();
  };
  load();
  return h(
    'div',
    { class: 'team' },
    h('nav', { class: 'tabs' }, 'Trucks passing within ', ...HORIZONS.map((minutes) => h('a', { href: href('inspections', team.id, { within: String(minutes) }), 'aria-current': minutes === within ? 'page' : undefined }, minutes < 60 ? `${minutes} min` : `${minutes / 60} h`))),
    proposals,
    recording,
    h('h2', {}, 'Latest inspections'),
    recent,
  );
}

export function inspectionsPage({ api, session, rest, query }: PageContext): Page {
  const canRecord = session !== undefined && holds(session.user.role, 'inspections:write');
  const within = HORIZONS.find((minutes) => String(minutes) === query.get('within')) ?? HORIZONS[0]!;
  const picker = h('nav', { class: 'tabs' });
  const body = h('div', {}, 'Loading…');
  const charts = h('div', {}, 'Loading…');
  const refreshCharts = () =>
    void api
      .get<EffectivenessReport>('/risk/effectiveness')
      .then((report) => replace(charts, effectivenessCharts(report)))
      .catch((error: unknown) => replace(charts, h('p', { class: 'error' }, errorText(error))));
  api
    .get<Team[]>('/teams')
    .then((teams) => {
      replace(picker, ...teams.map((team) => h('a', { href: href('inspections', team.id, { within: String(within) }), 'aria-current': team.id === rest ? 'page' : undefined }, team.name)));
      const team = teams.find((candidate) => candidate.id === rest) ?? teams[0];
      replace(body, team ? teamView(api, team, within, canRecord, refreshCharts) : 'No roadside team is set up.');
    })
    .catch((error: unknown) => replace(body, h('p', { class: 'error' }, errorText(error))));
  refreshCharts();
  return { element: h('section', { class: 'inspections' }, h('h1', {}, 'Inspections'), picker, body, h('h2', {}, 'How well targeting finds'), charts) };
}
