/**
 * Declarations: search with filters and pages, one declaration's detail with its check, history and exchange
 * between operators, and the import of a file (a JSON array, or one JSON object a line) with the import's report.
 */
import { holds, seesExchange } from '../access.js';
import { ApiError, type Api } from '../api.js';
import { errorText, h, replace, table, when } from '../dom.js';
import type { Page, PageContext } from '../page.js';
import { href } from '../route.js';
import { transitExchange } from '../transit-exchange.js';
import { DECLARATION_STATUSES, type Declaration, type StatusChange } from '../../../src/core/model/declaration.js';
import type { Issue } from '../../../src/core/model/issue.js';

const PAGE_SIZE = 25;

/** The import route's answer: the counts, and every row that was not accepted complete, by line. */
interface ImportReport {
  summary: { rows: number; accepted: number; incomplete: number; rejected: number; duplicates: number };
  problems: Array<{ line: number; reference?: string; outcome: string; id?: string; issues: Issue[] }>;
}

interface Detail {
  declaration: Declaration;
  check?: { complete: boolean; issues: Issue[]; checkedAt: string };
  history: StatusChange[];
}

function issueTable(issues: readonly Issue[]): HTMLElement {
  return table(['Field', 'Reason', 'Code'], issues.map((issue) => [issue.path || '—', issue.message, h('code', {}, issue.code)]), { class: 'issues' });
}

function searchForm(query: URLSearchParams, borderCrossings: readonly string[]): HTMLFormElement {
  const field = (name: string, label: string) => h('label', {}, label, h('input', { name, value: query.get(name) ?? '' }));
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'any'), ...DECLARATION_STATUSES.map((value) => h('option', { value, selected: query.get('status') === value }, value)));
  const crossing = h('select', { name: 'borderCrossing' }, h('option', { value: '' }, 'any'), ...borderCrossings.map((value) => h('option', { value, selected: query.get('borderCrossing') === value }, value)));
  const form = h(
    'form',
    { class: 'search' },
    field('q', 'Text'),
    h('label', {}, 'Status', status),
    h('label', {}, 'Crossing', crossing),
    field('vehiclePlate', 'Plate'),
    field('consigneeTin', 'Recipient TIN'),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) chosen.set(name, value.trim());
    location.hash = `#/declarations?${chosen.toString()}`;
  });
  return form;
}

function listView(api: Api, query: URLSearchParams, canImport: boolean): HTMLElement {
  const results = h('div', { class: 'results' }, 'Searching…');
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const element = h('section', { class: 'declarations' }, h('h1', {}, 'Declarations'), results, canImport ? importView(api) : null);
  const filters = Object.fromEntries([...query].filter(([name]) => name !== 'offset'));
  const pageLink = (to: number, label: string) => h('a', { href: `#/declarations?${new URLSearchParams({ ...filters, offset: String(to) }).toString()}` }, label);

  Promise.all([api.get<{ items: Declaration[]; total: number }>('/declarations', { ...filters, limit: PAGE_SIZE, offset }), api.get<{ items: Array<{ code: string }> }>('/crossings')])
    .then(([page, crossings]) => {
      element.insertBefore(searchForm(query, crossings.items.map((crossing) => crossing.code)), results);
      replace(
        results,
        h('p', { class: 'count' }, page.total === 0 ? 'No declaration matches.' : `${offset + 1}–${offset + page.items.length} of ${page.total}`),
        table(
          ['Reference', 'Status', 'Vehicle', 'Recipient', 'Crossing', 'Updated'],
          page.items.map((item) => [
            h('a', { href: href('declarations', item.id) }, item.reference),
            h('span', { class: `badge ${item.status}` }, item.status),
            `${item.vehicle.plate} (${item.vehicle.country})`,
            item.consignee.name,
            item.borderCrossing,
            when(item.updatedAt),
          ]),
          { class: 'list' },
        ),
        h('nav', { class: 'pages' }, offset > 0 ? pageLink(Math.max(0, offset - PAGE_SIZE), '← newer') : null, offset + PAGE_SIZE < page.total ? pageLink(offset + PAGE_SIZE, 'older →') : null),
      );
    })
    .catch((error: unknown) => replace(results, h('p', { class: 'error' }, errorText(error))));
  return element;
}

/** Splits a file into records: a JSON array, or one JSON object a line. */
export function recordsOf(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  return trimmed.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as unknown);
}

function importView(api: Api): HTMLElement {
  const file = h('input', { type: 'file', name: 'file', accept: '.json,.ndjson,.jsonl,application/json' });
  const report = h('div', { class: 'report' });
  const form = h('form', { class: 'import' }, h('h2', {}, 'Import a file'), h('p', {}, 'A JSON array of declarations, or one declaration a line.'), file, h('button', { type: 'submit' }, 'Import'), report);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    replace(report, 'Importing…');
    chosen
      .text()
      .then((text) => api.post<ImportReport>('/declarations/import', recordsOf(text)))
      .then(({ summary, problems }) =>
        replace(
          report,
          table(['Rows', 'Accepted', 'Incomplete', 'Rejected', 'Duplicates'], [[summary.rows, summary.accepted, summary.incomplete, summary.rejected, summary.duplicates]], { class: 'summary' }),
          problems.length === 0
            ? h('p', {}, 'Every row is complete.')
            : table(
                ['Line', 'Reference', 'Outcome', 'Reasons'],
                problems.map((problem) => [
                  problem.line,
                  problem.id ? h('a', { href: href('declarations', problem.id) }, problem.reference ?? problem.id) : (problem.reference ?? '—'),
                  problem.outcome,
                  issueTable(problem.issues),
                ]),
                { class: 'problems' },
              ),
        ),
      )
      .catch((error: unknown) => replace(report, h('p', { class: 'error' }, error instanceof SyntaxError ? `The file is not JSON: ${error.message}` : errorText(error))));
  });
  return form;
}

/** A declaration with its checks and history, and, for the roles that see it, its exchange between operators. */
function detailView(api: Api, id: string, showExchange: boolean): HTMLElement {
  const element = h('section', { class: 'declaration' }, h('p', {}, h('a', { href: href('declarations') }, '← all declarations')), 'Loading…');
  api
    .get<Detail>(`/declarations/${encodeURIComponent(id)}`)
    .then(({ declaration: d, check, history }) => {
      element.lastChild?.remove();
      element.append(
        h('h1', {}, `Declaration ${d.reference} `, h('span', { class: `badge ${d.status}` }, d.status)),
        table(
          ['', ''],
          [
            ['Customs procedure', d.procedure?.replace('_', ' ') ?? 'not declared'],
            ['Consignor', `${d.consignor.name} (${d.consignor.country})`],
            ['Recipient', `${d.consignee.name} (${d.consignee.country})`],
            ['Carrier', `${d.carrier.name} (${d.carrier.country})`],
            ['Vehicle', `${d.vehicle.plate} (${d.vehicle.country})${d.vehicle.trailerPlate ? `, trailer ${d.vehicle.trailerPlate}` : ''}`],
            ['Driver', d.driver ? `${d.driver.name} (${d.driver.country})` : '—'],
            ['Route', `${d.officeOfDeparture} → ${d.borderCrossing} → ${d.officeOfDestination}`],
            ['Seals', d.seals.join(', ') || '—'],
            ['Owner', d.owner],
          ],
          { class: 'facts' },
        ),
        h('h2', {}, 'Document checks'),
        !check
          ? h('p', {}, 'Not checked yet.')
          : h('div', { class: 'check' }, h('p', {}, `${check.complete ? 'Complete' : `${check.issues.length} issue(s)`}, checked ${when(check.checkedAt)}`), check.issues.length > 0 ? issueTable(check.issues) : null),
        h('h2', {}, 'Goods'),
        table(['HS code', 'Description', 'Packages', 'Gross kg', 'Value'], d.goods.map((item) => [item.hsCode, item.description, item.packages, item.grossMassKg, `${item.value} ${item.currency}`])),
        h('h2', {}, 'Documents'),
        table(['Type', 'Number', 'Date'], d.documents.map((document) => [document.type, document.number, document.date])),
        h('h2', {}, 'History'),
        table(['When', 'From', 'To', 'By', 'Reason'], history.map((change) => [when(change.at), change.from ?? '—', change.to, change.by, change.reason ?? ''])),
        ...(showExchange ? [h('h2', {}, 'Exchange with other operators'), transitExchange(api, d.id)] : []),
      );
    })
    .catch((error: unknown) => {
      element.lastChild?.remove();
      element.append(h('p', { class: 'error' }, error instanceof ApiError && error.status === 404 ? 'No such declaration.' : errorText(error)));
    });
  return element;
}

export function declarationsPage({ api, session, rest, query }: PageContext): Page {
  const canImport = session !== undefined && holds(session.user.role, 'declarations:import');
  return { element: rest ? detailView(api, rest, session !== undefined && seesExchange(session.user.role)) : listView(api, query, canImport) };
}
