/**
 * What national operators' cooperation keeps in the store: each declaration's tracking-obligation decision, the
 * outbox of signed messages to peers (delivered at least once), the inbox of those received (each kept once, by
 * message id), and, per transit, which operator tracks it now.
 */
import type { SignedMessage } from '../core/exchange/message.js';
import type { ObligationDecision } from '../core/obligation/index.js';
import type { HandledMark } from './tracking-news.js';
import type { PositionCursor, SealCursors } from './tracking-store.js';

export interface StoredObligation {
  declarationId: string;
  decision: ObligationDecision;
  decidedAt: string;
}

export interface ObligationRepository {
  /** Stores the decision, replacing an earlier one of the declaration. */
  save(obligation: StoredObligation): Promise<void>;
  get(declarationId: string): Promise<StoredObligation | undefined>;
}

export interface OutboxEntry {
  message: SignedMessage;
  /** The transit (the originating declaration's id) the message is about, for its exchange history. */
  transitId: string;
  attempts: number;
  /** Epoch milliseconds of the next delivery attempt. */
  nextAttemptMs: number;
  deliveredAt: string | null;
  lastError: string | null;
}

/** A message as it goes into the outbox. */
export type NewOutboxEntry = Pick<OutboxEntry, 'message' | 'transitId' | 'nextAttemptMs'>;

export interface InboxEntry {
  message: SignedMessage;
  transitId: string;
  receivedAt: string;
}

export const RESPONSIBILITIES = ['notified', 'tracking', 'handed_over', 'arrived', 'closed'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

/**
 * How far an operator forwarded a transit's seal positions: each seal's own last one forwarded, and for a seal with
 * none yet, where forwarding began. One cursor for all the seals skipped a seal's positions stored (by another
 * tracker) after newer ones of another seal had gone.
 */
export interface ForwardingCursors {
  /** Where every seal's forwarding begins: after the handover (or, on a record kept before cursors per seal, after the last position forwarded then). */
  since: PositionCursor;
  seals: SealCursors;
}

/** A transit as one operator sees it: who tracks it now, and what this operator knows of it. */
export interface OperatorTransit {
  /** The id of the declaration at the operator where the transit started. */
  transitId: string;
  reference: string;
  /** Countries of the operators along the route, in order. */
  route: string[];
  /** The country whose operator tracks it now. */
  trackedBy: string;
  /** This operator's part: notified of it, tracking it, handed it over, or its arrival or closure known. */
  status: Responsibility;
  /** The last transit notice's body (declaration summary, seal state, last positions). */
  notice: Record<string, unknown> | null;
  /**
   * Once this operator handed the transit over: how far it forwarded the seals' positions to the next operator (from
   * the handover on), so that forwarding resumes there after a restart.
   */
  forwarded: ForwardingCursors | null;
  updatedAt: string;
}

/** What is kept in one transaction with the messages sent. */
export interface SentWith {
  /** The change of the transit the messages come from. */
  transit?: OperatorTransit | undefined;
  /** The mark of the tracker's news that sent them. */
  handled?: HandledMark | undefined;
}

export interface ExchangeRepository {
  /** The next sequence number of messages to `peer`, taken once: a crash may leave a gap, never a repeat. */
  nextSequence(peer: string): Promise<number>;
  /**
   * Keeps messages in the outbox together with the change of the transit they come from, in one transaction: a crash
   * leaves both or neither, so a handover is never sent while the record still says this operator tracks the transit,
   * nor an alarm forwarded twice for one item of news.
   */
  enqueue(entries: readonly NewOutboxEntry[], along?: SentWith): Promise<void>;
  /** Undelivered messages whose next attempt is due, oldest first. */
  due(nowMs: number, limit: number): Promise<OutboxEntry[]>;
  markDelivered(id: string, at: string): Promise<void>;
  markFailed(id: string, attempts: number, nextAttemptMs: number, error: string): Promise<void>;
  /** Whether a message of this id was kept already. */
  received(id: string): Promise<boolean>;
  /** Keeps a received message unless one of its id is kept already; true when it is new. */
  receive(entry: InboxEntry): Promise<boolean>;
  /** What was sent and received about a transit, in the order it happened. */
  history(transitId: string): Promise<{ sent: OutboxEntry[]; received: InboxEntry[] }>;
  saveTransit(transit: OperatorTransit): Promise<void>;
  getTransit(transitId: string): Promise<OperatorTransit | undefined>;
}
