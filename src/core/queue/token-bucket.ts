/**
 * The backlog release rate as a token bucket: tokens flow in at the rate the operator set ("release N trucks an
 * hour from the backlog"), up to `burst`; each call of a backlog truck takes one. So over any period of length T at
 * a steady rate, at most `burst + rate × T` backlog trucks are called, and idle time cannot be saved up beyond the
 * burst. The bucket keeps filling while the crossing is closed, up to the burst, so the first calls of the morning
 * may come `burst` at once.
 *
 * Plain data with functions over it; consumeToken changes the bucket in place, so the estimates' plan can spend the
 * tokens of a copy a hundred thousand times without allocating.
 */

const HOUR = 3_600_000;
/** Rounding must not leave a call waiting forever for the last billionth of a token. */
const EPSILON = 1e-9;

export interface TokenBucket {
  /** Trucks per hour; null means no limit. */
  ratePerHour: number | null;
  burst: number;
  /** Tokens in the bucket at `at`. */
  tokens: number;
  at: number;
}

export function createBucket(ratePerHour: number | null, burst: number, at: number): TokenBucket {
  return { ratePerHour, burst, tokens: burst, at };
}

export function tokensAt(bucket: TokenBucket, t: number): number {
  if (bucket.ratePerHour === null) return Infinity;
  const elapsed = Math.max(0, t - bucket.at);
  return Math.min(bucket.burst, bucket.tokens + (elapsed * bucket.ratePerHour) / HOUR);
}

export function hasToken(bucket: TokenBucket, t: number): boolean {
  return tokensAt(bucket, t) >= 1 - EPSILON;
}

/** Takes one token at `t`, in place; the caller checks hasToken first. */
export function consumeToken(bucket: TokenBucket, t: number): void {
  const at = Math.max(bucket.at, t);
  if (bucket.ratePerHour !== null) bucket.tokens = Math.max(0, tokensAt(bucket, at) - 1);
  bucket.at = at;
}

/** The earliest instant not before `t` at which a token is there; Infinity when the rate is 0. */
export function tokenReadyAt(bucket: TokenBucket, t: number): number {
  if (hasToken(bucket, t)) return t;
  const rate = bucket.ratePerHour as number;
  if (rate <= 0 || bucket.burst < 1) return Infinity;
  const from = Math.max(t, bucket.at);
  const missing = 1 - tokensAt(bucket, from);
  // Rounded up to the millisecond, and checked, so that hasToken agrees at the instant returned.
  let ready = Math.ceil(from + (missing * HOUR) / rate);
  while (!hasToken(bucket, ready)) ready++;
  return ready;
}

/**
 * A new rate from `t` on: what has flowed in at the old rate is kept, except that a rate of 0 empties the bucket,
 * since an operator who stops the backlog means now.
 */
export function withRate(bucket: TokenBucket, t: number, ratePerHour: number | null, burst = bucket.burst): TokenBucket {
  const at = Math.max(bucket.at, t);
  const kept = bucket.ratePerHour === null ? burst : Math.min(burst, tokensAt(bucket, at));
  const tokens = ratePerHour === 0 ? 0 : kept;
  return { ratePerHour, burst, tokens, at };
}
