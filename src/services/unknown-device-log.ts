/**
 * The gateways' record of unknown devices, written to the store off the refusal path: a refusal only adds up in
 * memory, per device and protocol, and what was refused is written together at most once a second. A device that
 * retries in a loop, or a flood of made-up identifiers, costs a map update each and one upsert a second, and the
 * store keeps only the {@link KEEP_UNKNOWN_DEVICES} most recently seen.
 */
import type { SealProtocol } from '../core/model/index.js';
import type { UnknownDevice, UnknownDeviceRepository } from '../ports/unknown-devices.js';

/** Unknown devices listed at most, in the store as in memory: the most recently seen. */
export const KEEP_UNKNOWN_DEVICES = 10_000;
const FLUSH_MS = 1_000;

export interface UnknownDeviceLogErrors {
  error(details: object, message: string): void;
}

export class UnknownDeviceLog {
  private pending = new Map<string, UnknownDevice>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly repository: UnknownDeviceRepository,
    private readonly log: UnknownDeviceLogErrors,
    private readonly flushMs = FLUSH_MS,
  ) {}

  refused(deviceId: string, protocol: SealProtocol, remote: string, at: number): void {
    this.add({ deviceId, protocol, remote, attempts: 1, firstSeen: at, lastSeen: at });
    this.schedule();
  }

  /** Writes what was refused since the last write; resolves once it is stored, or failed and kept for the next. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const refusals = [...this.pending.values()];
    this.pending = new Map();
    this.writing = this.repository
      .record(refusals, KEEP_UNKNOWN_DEVICES)
      .catch((error: unknown) => {
        this.log.error({ devices: refusals.length, error: String(error) }, 'unknown devices not stored; kept for the next write');
        for (const refusal of refusals) this.add(refusal);
        this.schedule();
      })
      .finally(() => {
        this.writing = undefined;
      });
    await this.writing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushMs).unref();
  }

  private add(refusal: UnknownDevice): void {
    const key = `${refusal.protocol}:${refusal.deviceId}`;
    const known = this.pending.get(key);
    if (known === undefined) {
      // Full, the device first refused in this interval makes room: the store keeps the most recent ones anyway.
      if (this.pending.size >= KEEP_UNKNOWN_DEVICES) this.pending.delete(this.pending.keys().next().value!);
      this.pending.set(key, { ...refusal });
      return;
    }
    known.attempts += refusal.attempts;
    known.firstSeen = Math.min(known.firstSeen, refusal.firstSeen);
    if (refusal.lastSeen >= known.lastSeen) {
      known.lastSeen = refusal.lastSeen;
      known.remote = refusal.remote;
    }
  }
}
