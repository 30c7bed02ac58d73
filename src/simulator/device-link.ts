/**
 * One simulated seal's link to the gateway: its outbox, and the transport that empties it (a TCP connection, HTTP
 * requests, an MQTT session). Reports are handed over as the simulated clock releases them; the link sends them
 * in order, one batch at a time, and reconnects with backoff when the gateway cannot be reached.
 */
import type { FleetReport } from '../core/fleet/index.js';
import type { Backoff } from './backoff.js';
import type { SimulatedDevice } from './devices.js';
import { Outbox } from './outbox.js';
import type { StatsCollector } from './stats.js';

export interface LinkContext {
  device: SimulatedDevice;
  stats: StatsCollector;
  backoff: Backoff;
  /** Wall milliseconds to wait for a connection, a login or an acknowledgement before giving the link up. */
  ackTimeoutMs: number;
  onAcknowledged?: (deviceId: string, reports: readonly FleetReport[]) => void;
}

export abstract class DeviceLink {
  readonly outbox: Outbox;
  protected closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(protected readonly context: LinkContext) {
    this.outbox = new Outbox(context.stats, context.device.protocol);
  }

  get deviceId(): string {
    return this.context.device.deviceId;
  }

  enqueue(reports: readonly FleetReport[]): void {
    if (this.closed || reports.length === 0) return;
    this.outbox.add(reports);
    this.kick();
  }

  /** Sends what can be sent now, connecting first if need be; does nothing while a reconnection is pending. */
  kick(): void {
    if (this.closed || this.retryTimer !== undefined) return;
    this.send();
  }

  /** Stops sending and closes the transport; what is still in the outbox stays unacknowledged. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.shutdown();
  }

  protected abstract send(): void;
  protected abstract shutdown(): Promise<void>;

  protected acknowledged(accepted: number, refused: number): void {
    const reports = this.outbox.settle(accepted, refused);
    if (refused > 0) this.context.stats.error('refused-by-gateway');
    if (reports.length > 0) this.context.onAcknowledged?.(this.deviceId, reports);
  }

  /** After a failure: try again once the backoff delay has passed, if there is anything to send. */
  protected retryLater(): void {
    if (this.closed || this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.outbox.size > 0) this.kick();
    }, this.context.backoff.next());
  }
}

/** A failure kind from a socket error: connect-refused, connection-reset, … */
export function errorKind(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connect-refused';
    case 'ECONNRESET':
      return 'connection-reset';
    case 'EPIPE':
      return 'broken-pipe';
    case 'ETIMEDOUT':
      return 'connect-timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable';
    default:
      return typeof code === 'string' ? code.toLowerCase() : 'socket-error';
  }
}
