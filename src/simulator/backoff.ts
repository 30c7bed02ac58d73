/**
 * Reconnection delays: doubling from `initialMs` to `maxMs`, each drawn between half and all of its step so that
 * a gateway restart is not met by every device at the same instant.
 */
import type { Rng } from '../core/random/index.js';

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = Object.freeze({ initialMs: 1000, maxMs: 60_000 });

export class Backoff {
  private failures = 0;

  constructor(private readonly options: BackoffOptions, private readonly rng: Rng) {}

  /** The delay before the next attempt, after one more failure. */
  next(): number {
    const step = Math.min(this.options.maxMs, this.options.initialMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    return Math.round(step * (0.5 + 0.5 * this.rng.next()));
  }

  reset(): void {
    this.failures = 0;
  }
}
