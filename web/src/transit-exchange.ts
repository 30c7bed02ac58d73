/**
 * A transit's exchange between the national operators of its route, for the declaration page and a truck's details:
 * which country's operator tracks it now, this operator's part in it, and every message sent and received about it
 * with its type, sequence, time and delivery state; the seal's positions forwarded along the chain, one message per
 * batch, are counted rather than listed. A platform not set up as an operator, or a transit never exchanged, is said so
 * in the server's words.
 */
import type { SignedMessage } from '../../src/core/exchange/message.js';
import type { InboxEntry, OperatorTransit, OutboxEntry } from '../../src/ports/exchange-store.js';
import { ApiError, type Api } from './api.js';
import { errorText, h, replace, table, when } from './dom.js';

/** GET /transits/:id/exchange. */
interface TransitExchange {
  transit: OperatorTransit;
  sent: OutboxEntry[];
  received: InboxEntry[];
}

interface HistoryRow {
  message: SignedMessage;
  direction: 'sent' | 'received';
  /** With whom, as read: "to KZ", "from KZ". */
  peer: string;
  /** Delivered, waiting to be (and why), or received. */
  state: HTMLElement;
}

function deliveryState(entry: OutboxEntry): HTMLElement {
  if (entry.deliveredAt !== null) return h('span', {}, h('span', { class: 'badge delivered' }, 'delivered'), ` ${when(entry.deliveredAt)}`);
  const retry = entry.attempts === 0 ? 'not tried yet' : `${entry.attempts} attempt(s), next ${when(new Date(entry.nextAttemptMs).toISOString())}`;
  return h('span', {}, h('span', { class: 'badge pending' }, 'pending'), ` ${retry}${entry.lastError ? `: ${entry.lastError}` : ''}`);
}

/** Sent and received in one list, in the order the messages were made. */
function historyRows({ sent, received }: TransitExchange): HistoryRow[] {
  const rows: HistoryRow[] = [
    ...sent.map((entry) => ({ message: entry.message, direction: 'sent' as const, peer: `to ${entry.message.recipient}`, state: deliveryState(entry) })),
    ...received.map((entry) => ({
      message: entry.message,
      direction: 'received' as const,
      peer: `from ${entry.message.sender}`,
      state: h('span', {}, h('span', { class: 'badge received' }, 'received'), ` ${when(entry.receivedAt)}`),
    })),
  ];
  return rows.filter((row) => row.message.type !== 'positions').sort((a, b) => a.message.sentAt.localeCompare(b.message.sentAt));
}

/** "12 forwarded to KZ (3 pending)", "40 received from KG", or a dash. */
function positionsForwarded({ sent, received }: TransitExchange): string {
  const out = sent.filter((entry) => entry.message.type === 'positions');
  const pending = out.filter((entry) => entry.deliveredAt === null).length;
  const into = received.filter((entry) => entry.message.type === 'positions');
  const parts = [
    ...(out.length === 0 ? [] : [`${out.length} forwarded to ${out[0]!.message.recipient}${pending === 0 ? '' : ` (${pending} pending)`}`]),
    ...(into.length === 0 ? [] : [`${into.length} received from ${into[0]!.message.sender}`]),
  ];
  return parts.length === 0 ? '—' : parts.join(', ');
}

function exchangeView(exchange: TransitExchange): HTMLElement {
  const { transit } = exchange;
  const rows = historyRows(exchange);
  return h(
    'div',
    {},
    table(
      ['', ''],
      [
        ['Tracked now by', h('strong', { class: 'tracked-by' }, `${transit.trackedBy}'s operator`)],
        ["This operator's part", h('span', { class: `badge ${transit.status}` }, transit.status.replace('_', ' '))],
        ['Route', transit.route.join(' → ')],
        ["Seal's positions (messages)", h('span', { class: 'positions-forwarded' }, positionsForwarded(exchange))],
        ['Updated', when(transit.updatedAt)],
      ],
      { class: 'facts' },
    ),
    rows.length === 0
      ? h('p', {}, 'No message yet.')
      : table(
          ['', 'Type', 'Sequence', 'With', 'Made', 'Delivery'],
          rows.map((row) => [row.direction, row.message.type, `#${row.message.sequence}`, row.peer, when(row.message.sentAt), row.state]),
          { class: 'exchange-history' },
        ),
  );
}

/** The exchange about the transit of declaration `transitId`, filled in when it arrives. */
export function transitExchange(api: Api, transitId: string): HTMLElement {
  const element = h('div', { class: 'exchange', 'data-transit': transitId }, 'Loading…');
  api
    .get<TransitExchange>(`/transits/${encodeURIComponent(transitId)}/exchange`)
    .then((exchange) => replace(element, exchangeView(exchange)))
    .catch((error: unknown) =>
      replace(element, error instanceof ApiError && error.status === 404 ? h('p', { class: 'none' }, `Nothing exchanged with other operators: ${error.message}.`) : h('p', { class: 'error' }, errorText(error))),
    );
  return element;
}
