/**
 * The reliable exchange between national operators.
 *
 * Sending: a message is numbered (per peer), signed and kept in the outbox in the store before anything goes on the
 * wire, in the same transaction as the change of the transit's record that sends it (a handover and "handed over"),
 * so a crash cannot leave a message without its change, which would send it again, or a change without its message.
 * A delivery round posts the due ones to their peers in sequence order, marks each delivered on the peer's answer,
 * and puts a failed one off by a doubling delay (the later messages to that peer wait behind it, so a peer receives
 * them in order). At least once: a crash between the peer's answer and the mark sends it again.
 *
 * Receiving: a message is checked (schema, recipient, sender, signature), and processed once by its id: one received
 * before is answered as a duplicate and not processed again. Its effect is applied before it is kept, so a crash in
 * between leaves it unkept, the sender sends it again, and the effect (idempotent) is applied again, never lost.
 */
import type { MessageType, SignedMessage, UnsignedMessage } from '../../core/exchange/message.js';
import type { Issue } from '../../core/model/index.js';
import type { Clock } from '../../ports/clock.js';
import type { SentWith } from '../../ports/exchange-store.js';
import type { Store } from '../../ports/store.js';
import { newRecordId } from '../ids.js';
import { ServiceError, type ServiceErrorCode } from '../service-error.js';

export type ReceivedCheck =
  | { ok: true; message: SignedMessage }
  | { ok: false; refusal: 'SCHEMA' | 'RECIPIENT' | 'SENDER' | 'SIGNATURE'; message: string; issues: Issue[] };

/** This operator as the exchange needs it: who it is, where its peers are, and its key (kept by the adapter). */
export interface ExchangeOperator {
  country: string;
  endpointOf(country: string): string | undefined;
  sign(message: UnsignedMessage): SignedMessage;
  check(value: unknown): ReceivedCheck;
}

/** Posts a message to a peer's endpoint; resolves once the peer has taken it (or had it already), throws otherwise. */
export type MessageTransport = (endpoint: string, message: SignedMessage) => Promise<void>;

/** Applies a received message's effect; must be idempotent, since a message may come again after a crash. */
export type MessageHandler = (message: SignedMessage) => Promise<void>;

export interface RetryOptions {
  initialMs: number;
  maxMs: number;
}

const DEFAULT_RETRY: RetryOptions = { initialMs: 1_000, maxMs: 5 * 60_000 };
const ROUND_SIZE = 100;

const REFUSAL_CODES: Record<Exclude<ReceivedCheck, { ok: true }>['refusal'], ServiceErrorCode> = {
  SCHEMA: 'INVALID_INPUT',
  RECIPIENT: 'VALIDATION',
  SENDER: 'FORBIDDEN',
  SIGNATURE: 'FORBIDDEN',
};

export class ExchangeService {
  readonly #handlers: MessageHandler[] = [];
  #receiving: Promise<unknown> = Promise.resolve();
  #delivering: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    readonly operator: ExchangeOperator,
    private readonly transport: MessageTransport,
    private readonly clock: Clock,
    private readonly retry: RetryOptions = DEFAULT_RETRY,
    private readonly newId: () => string = newRecordId,
  ) {}

  /** Runs a delivery round every `intervalMs`, for retries and for what a restart left in the outbox. */
  start(intervalMs: number): void {
    this.#timer ??= setInterval(() => void this.deliverDue(), intervalMs);
    this.#timer.unref();
    void this.deliverDue();
  }

  /** Stops the rounds and waits for the one running. */
  async stop(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#delivering;
  }

  onReceived(handler: MessageHandler): void {
    this.#handlers.push(handler);
  }

  /**
   * Numbers, signs and keeps a message for each of `recipients`, with the change of the transit it comes from and the
   * mark of the news that sent it in the same transaction (see ExchangeRepository.enqueue), then starts a delivery round.
   */
  async send(recipients: readonly string[], type: MessageType, transitId: string, body: Record<string, unknown>, along: SentWith = {}): Promise<SignedMessage[]> {
    const stranger = recipients.find((recipient) => this.operator.endpointOf(recipient) === undefined);
    if (stranger !== undefined) throw new ServiceError('VALIDATION', `${stranger} is not a configured peer of ${this.operator.country}`);
    const now = this.clock.now();
    const messages: SignedMessage[] = [];
    for (const recipient of recipients) {
      const sequence = await this.store.exchange.nextSequence(recipient);
      messages.push(this.operator.sign({ id: this.newId(), sequence, sender: this.operator.country, recipient, type, sentAt: now.toISOString(), body }));
    }
    await this.store.exchange.enqueue(messages.map((message) => ({ message, transitId, nextAttemptMs: now.getTime() })), along);
    void this.deliverDue();
    return messages;
  }

  /**
   * Delivers what is due; one round at a time, and a call during a round asks for another after it. Resolves when
   * no round is running; never throws (a failed delivery is recorded on its message).
   */
  deliverDue(): Promise<void> {
    if (this.#delivering !== null) {
      this.#again = true;
      return this.#delivering;
    }
    this.#delivering = (async () => {
      let full = false;
      do {
        this.#again = false;
        // A round that delivered all it could take leaves more behind (a backlog after a peer's downtime): go on.
        full = (await this.round().catch(() => 0)) === ROUND_SIZE;
      } while (this.#again || full);
      this.#delivering = null;
    })();
    return this.#delivering;
  }

  /** Checks a message from a peer and processes it once; answers whether it was new. */
  receive(value: unknown): Promise<{ id: string; duplicate: boolean }> {
    const work = this.#receiving.then(() => this.receiveOne(value));
    this.#receiving = work.catch(() => undefined);
    return work;
  }

  private async receiveOne(value: unknown): Promise<{ id: string; duplicate: boolean }> {
    const checked = this.operator.check(value);
    if (!checked.ok) throw new ServiceError(REFUSAL_CODES[checked.refusal], `message refused (${checked.refusal}): ${checked.message}`, checked.issues);
    const { message } = checked;
    if (await this.store.exchange.received(message.id)) return { id: message.id, duplicate: true };
    for (const handler of this.#handlers) await handler(message);
    const kept = await this.store.exchange.receive({ message, transitId: String(message.body.transitId), receivedAt: this.clock.now().toISOString() });
    return { id: message.id, duplicate: !kept };
  }

  /** Delivers the due messages of one round; answers how many were delivered. */
  private async round(): Promise<number> {
    const now = this.clock.now().getTime();
    const held = new Set<string>();
    let delivered = 0;
    for (const entry of await this.store.exchange.due(now, ROUND_SIZE)) {
      const peer = entry.message.recipient;
      if (held.has(peer)) continue;
      const endpoint = this.operator.endpointOf(peer);
      try {
        if (endpoint === undefined) throw new Error(`${peer} is no longer a configured peer`);
        await this.transport(endpoint, entry.message);
        await this.store.exchange.markDelivered(entry.message.id, this.clock.now().toISOString());
        delivered += 1;
      } catch (error) {
        held.add(peer);
        const attempts = entry.attempts + 1;
        const delay = Math.min(this.retry.maxMs, this.retry.initialMs * 2 ** Math.min(attempts - 1, 30));
        await this.store.exchange.markFailed(entry.message.id, attempts, this.clock.now().getTime() + delay, error instanceof Error ? error.message : String(error));
      }
    }
    return delivered;
  }
}
