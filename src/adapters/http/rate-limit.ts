/**
 * A per-client request limit for public routes that must not be probed in bulk: a fixed window per client key
 * (the remote address), kept in memory. Cheap and enough for one process; behind several API processes each
 * process limits on its own.
 */
export class WindowLimit {
  #windowStart = -Infinity;
  readonly #counts = new Map<string, number>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request of `key`; false when the key has used up its window. */
  take(key: string): boolean {
    const now = this.now();
    if (now - this.#windowStart >= this.windowMs) {
      // One map for the current window only, so memory stays bounded by the clients of one window.
      this.#counts.clear();
      this.#windowStart = now;
    }
    const used = this.#counts.get(key) ?? 0;
    if (used >= this.perWindow) return false;
    this.#counts.set(key, used + 1);
    return true;
  }
}
