/**
 * The crossings board: per crossing, the queue by class, waiting times, throughput and when the backlog clears;
 * the waiting and held trucks; and the staff's actions (call to a lane, hold, release, re-prioritise, each with a
 * reason) and the backlog release rate. Refreshed every few seconds.
 */
import { barChartSvg } from '../../../src/core/charts/svg-bar-chart.js';
import { lineChartSvg } from '../../../src/core/charts/svg-line-chart.js';
import { holds } from '../access.js';
import type { Api } from '../api.js';
import { svgChart } from '../chart.js';
import { duration, errorText, h, replace, table, when } from '../dom.js';
import type { Page, PageContext } from '../page.js';
import { queueHistory, type QueueEventRow } from '../queue-history.js';
import { queueTotals } from '../queues.js';
import { href } from '../route.js';

const REFRESH_MS = 5_000;
/** The history charts are rebuilt every this many refreshes (a minute), as they read many events. */
const HISTORY_EVERY = 12;
const HISTORY_HOURS = 24;
const EVENT_PAGE = 500;
/** Events read for the history at most; a busier day's history starts later than 24 hours ago. */
const MAX_EVENTS = 4_000;
const CLASSES = ['perishable', 'trusted_trader', 'esealed_complete', 'standard'] as const;

interface Spread {
  count: number;
  medianMs: number | null;
  p95Ms: number | null;
}

/** The queue's board as its API writes it. */
interface Board {
  version: number;
  byClass: Record<string, { booked: number; holding: number; waiting: number; called: number }>;
  total: { booked: number; holding: number; waiting: number; called: number };
  waitingNow: Spread;
  waitsOfCalledLastDay: Spread;
  throughput: { callsLastHour: number; callsLastDay: number; smoothedPerHour: number };
  backlog: { waiting: number; holding: number; releaseRatePerHour: number | null; effectiveRatePerHour: number; clearanceHours: number | null; clearanceAt: string | null };
}

interface Entry {
  id: string;
  truck: { plate: string; country: string };
  status: string;
  priorityClass: string;
  channel: string;
  position: number | null;
  estimatedCallAt: string | null;
  arrivedAt: string | null;
  staffHold: { by: string; reason: string } | null;
}

interface Settings {
  version: number;
  lanes: Array<{ id: string; open: boolean; busyUntil: string | null; calledEntry: string | null }>;
  backlog: { ratePerHour: number | null };
}

const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);

/** The board's queue by class and its waiting times as charts, for a glance across the booth. */
function boardCharts(board: Board): HTMLElement {
  const waits = (label: string, spread: Spread) => [
    { label: `${label}, median`, value: minutes(spread.medianMs), ...(spread.count === 0 ? { note: 'none' } : {}) },
    { label: `${label}, 95 %`, value: minutes(spread.p95Ms), ...(spread.count === 0 ? { note: 'none' } : {}) },
  ];
  return h(
    'div',
    { class: 'charts' },
    svgChart(barChartSvg({ title: 'Trucks waiting by class', bars: CLASSES.map((name) => ({ label: name.replace(/_/g, ' '), value: board.byClass[name]?.waiting ?? 0 })) }), 'Trucks waiting by class'),
    svgChart(
      barChartSvg({ title: 'Waiting time, minutes', bars: [...waits('waiting now', board.waitingNow), ...waits('called today', board.waitsOfCalledLastDay)], format: (value) => String(Math.round(value)) }),
      'Waiting time, minutes',
    ),
  );
}

function boardView(board: Board): HTMLElement {
  return h(
    'div',
    { class: 'board' },
    table(
      ['Class', 'Booked', 'Holding', 'Waiting', 'Called'],
      [...CLASSES.map((name) => {
        const counts = board.byClass[name] ?? { booked: 0, holding: 0, waiting: 0, called: 0 };
        return [name.replace(/_/g, ' '), counts.booked, counts.holding, counts.waiting, counts.called];
      }), ['total', board.total.booked, board.total.holding, board.total.waiting, board.total.called]],
      { class: 'by-class' },
    ),
    table(
      ['', ''],
      [
        ['Waiting now (median / 95%)', `${duration(board.waitingNow.medianMs)} / ${duration(board.waitingNow.p95Ms)}`],
        ['Wait of those called today (median / 95%)', `${duration(board.waitsOfCalledLastDay.medianMs)} / ${duration(board.waitsOfCalledLastDay.p95Ms)}`],
        ['Throughput', `${board.throughput.callsLastHour} last hour, ${board.throughput.callsLastDay} last day, ${board.throughput.smoothedPerHour.toFixed(1)}/h smoothed`],
        ['Backlog', `${board.backlog.waiting} waiting, ${board.backlog.holding} holding`],
        ['Release rate', board.backlog.releaseRatePerHour === null ? 'no limit' : `${board.backlog.releaseRatePerHour}/h (effective ${board.backlog.effectiveRatePerHour.toFixed(1)}/h)`],
        ['Backlog clears', board.backlog.clearanceAt === null ? 'never at this rate' : `${when(board.backlog.clearanceAt)} (${board.backlog.clearanceHours?.toFixed(1)} open hours)`],
      ],
      { class: 'facts' },
    ),
    boardCharts(board),
  );
}

/** The events of the last `HISTORY_HOURS`, newest first, page by page up to `MAX_EVENTS`. */
async function recentEvents(api: Api, base: string, since: number): Promise<QueueEventRow[]> {
  const events: QueueEventRow[] = [];
  while (events.length < MAX_EVENTS) {
    const { items } = await api.get<{ items: QueueEventRow[] }>(`${base}/events`, { offset: events.length, limit: EVENT_PAGE });
    events.push(...items);
    if (items.length < EVENT_PAGE || items[items.length - 1]!.at < since) break;
  }
  return events;
}

/** The trucks at the crossing hour by hour, and the calls an hour (its throughput), over the last day. */
function historyCharts(events: readonly QueueEventRow[], board: Board): HTMLElement {
  const now = Date.now();
  const history = queueHistory(events, board.total.waiting + board.total.holding, now, HISTORY_HOURS);
  const x = history.hoursAgo.map((ago) => HISTORY_HOURS - ago);
  const line = (title: string, yLabel: string, values: readonly number[]) =>
    svgChart(lineChartSvg({ title, xLabel: `hours, the last ${HISTORY_HOURS} (now at the right)`, yLabel, series: [{ name: 'this crossing', points: x.map((hour, i) => [hour, values[i]!] as const) }] }), title);
  return h('div', { class: 'charts history' }, line('Trucks at the crossing', 'checked in, not yet called', history.atCrossing), line('Throughput', 'trucks called in the hour', history.calls));
}

function crossingView(api: Api, crossing: string, canOperate: boolean, canConfigure: boolean): { element: HTMLElement; refresh: () => Promise<void> } {
  const message = h('p', { class: 'error', role: 'alert' });
  const content = h('div', {}, 'Loading…');
  const history = h('div', {});
  const element = h('div', { class: 'crossing' }, message, content, h('h2', {}, 'The last day'), history);
  let refreshes = 0;
  const base = `/queues/${encodeURIComponent(crossing)}`;

  const withReason = (what: string, send: (reason: string) => Promise<unknown>) => {
    const reason = prompt(`Why ${what}?`);
    if (!reason) return;
    send(reason).then(refresh, (error: unknown) => void (message.textContent = errorText(error)));
  };

  const entryActions = (entry: Entry) =>
    !canOperate
      ? null
      : h(
          'span',
          { class: 'actions' },
          entry.status === 'holding'
            ? h('button', { type: 'button', onclick: () => withReason('release', (reason) => api.post(`${base}/entries/${entry.id}/release`, { reason })) }, 'Release')
            : h('button', { type: 'button', onclick: () => withReason('hold', (reason) => api.post(`${base}/entries/${entry.id}/hold`, { reason })) }, 'Hold'),
          h(
            'select',
            {
              'aria-label': 'priority class',
              onchange: (event: Event) => {
                const chosen = (event.target as HTMLSelectElement).value;
                withReason(`move to ${chosen}`, (reason) => api.post(`${base}/entries/${entry.id}/priority`, { priorityClass: chosen === 'facts' ? null : chosen, reason }));
              },
            },
            h('option', { value: '' }, 'Re-prioritise…'),
            ...CLASSES.map((name) => h('option', { value: name }, name.replace(/_/g, ' '))),
            h('option', { value: 'facts' }, 'back to its own class'),
          ),
        );

  const trucks = (entries: readonly Entry[]) =>
    table(
      ['Place', 'Truck', 'Class', 'Channel', 'Arrived', 'Expected call', 'Hold', ''],
      entries.map((entry) => [
        entry.position ?? '—',
        `${entry.truck.plate} (${entry.truck.country})`,
        entry.priorityClass.replace(/_/g, ' '),
        entry.channel,
        when(entry.arrivedAt),
        when(entry.estimatedCallAt),
        entry.staffHold ? `${entry.staffHold.reason} (${entry.staffHold.by})` : '',
        entryActions(entry),
      ]),
      { class: 'list' },
    );

  /** Reloads the crossing; a failure shows above the last good view rather than replacing it. */
  const refresh = (): Promise<void> =>
    load().then(
      () => void (message.textContent = ''),
      (error: unknown) => void (message.textContent = errorText(error)),
    );

  async function load(): Promise<void> {
    const [board, settings, waiting, holding] = await Promise.all([
      api.get<Board>(`${base}/board`),
      api.get<Settings>(`${base}/settings`),
      api.get<{ items: Entry[]; total: number }>(base, { status: 'waiting', limit: 100 }),
      api.get<{ items: Entry[] }>(base, { status: 'holding', limit: 100 }),
    ]);
    const lanes = h(
      'div',
      { class: 'lanes' },
      ...settings.lanes.map((lane) => {
        // A lane still serving its last truck cannot take the next; the server would refuse the call.
        const busy = lane.busyUntil !== null && Date.parse(lane.busyUntil) > Date.now();
        return h(
          'span',
          { class: `lane ${lane.open ? 'open' : 'closed'}` },
          `Lane ${lane.id}${lane.open ? '' : ' (closed)'}${busy ? `, busy until ${when(lane.busyUntil)}` : ''}${lane.calledEntry ? ', truck called' : ''} `,
          canOperate && lane.open && !busy
            ? h('button', { type: 'button', onclick: () => void api.post(`${base}/calls`, { lane: lane.id, expectedVersion: settings.version }).then(refresh, (error: unknown) => void (message.textContent = errorText(error))) }, 'Call next')
            : null,
        );
      }),
    );
    const rate = canConfigure
      ? h(
          'button',
          {
            type: 'button',
            onclick: () => {
              const text = prompt('Backlog trucks an hour (empty: no limit, 0: stop):', settings.backlog.ratePerHour === null ? '' : String(settings.backlog.ratePerHour));
              if (text === null) return;
              withReason('change the release rate', (reason) => api.put(`${base}/release-rate`, { ratePerHour: text.trim() === '' ? null : Number(text), reason }));
            },
          },
          'Set the backlog release rate',
        )
      : null;
    if (refreshes++ % HISTORY_EVERY === 0) {
      void recentEvents(api, base, Date.now() - HISTORY_HOURS * 3_600_000)
        .then((events) => replace(history, historyCharts(events, board)))
        .catch((error: unknown) => replace(history, h('p', { class: 'error' }, errorText(error))));
    }
    replace(content, boardView(board), lanes, rate, h('h2', {}, `Waiting (${waiting.total})`), trucks(waiting.items), h('h2', {}, 'Held'), trucks(holding.items));
  }

  return { element, refresh };
}

/** A crossing in the picker: its queue's trucks waiting and holding, when it has a queue. */
interface PickerItem {
  code: string;
  name: string;
  queued: { waiting: number; holding: number } | null;
}

/** The crossings with a queue first, as the demo and a real border use a few of many; then the others. */
async function pickerItems(api: Api): Promise<PickerItem[]> {
  const [crossings, totals] = await Promise.all([api.get<{ items: Array<{ code: string; name: string }> }>('/crossings'), queueTotals(api)]);
  const items = crossings.items.map((crossing) => ({ code: crossing.code, name: crossing.name, queued: totals.get(crossing.code) ?? null }));
  return [...items.filter((item) => item.queued !== null), ...items.filter((item) => item.queued === null)];
}

function pickerLink(item: PickerItem, current: string): HTMLElement {
  const label = item.queued === null ? `${item.name} (no queue)` : `${item.name}: ${item.queued.waiting} waiting, ${item.queued.holding} holding`;
  return h('a', { href: href('crossings', item.code), 'aria-current': item.code === current ? 'page' : undefined, class: item.queued === null ? 'no-queue' : undefined }, label);
}

export function crossingsPage({ api, session, rest }: PageContext): Page {
  const role = session?.user.role;
  const canOperate = role !== undefined && holds(role, 'queue:operate');
  const canConfigure = role !== undefined && holds(role, 'queue:configure');
  const picker = h('nav', { class: 'tabs' });
  const body = h('div', {});
  const element = h('section', { class: 'crossings' }, h('h1', {}, 'Crossings'), picker, body);
  let timer: ReturnType<typeof setInterval> | undefined;

  pickerItems(api)
    .then((items) => {
      const chosen = items.find((item) => item.code === rest) ?? items[0];
      replace(picker, ...items.map((item) => pickerLink(item, chosen?.code ?? '')));
      if (!chosen) return replace(body, 'No crossing is set up.');
      if (chosen.queued === null) {
        return replace(
          body,
          h('p', {}, `${chosen.name} has no queue yet. A queue starts once the crossing's lanes are set: PUT /api/v1/queues/${chosen.code}/lanes, with each lane's capacity by channel and the opening hours.`),
        );
      }
      const view = crossingView(api, chosen.code, canOperate, canConfigure);
      replace(body, view.element);
      void view.refresh();
      timer = setInterval(() => void view.refresh(), REFRESH_MS);
    })
    .catch((error: unknown) => replace(body, h('p', { class: 'error' }, errorText(error))));
  return { element, dispose: () => clearInterval(timer) };
}
