import { describe, expect, it } from 'vitest';
import { consumeToken, createBucket, hasToken, tokenReadyAt, tokensAt, withRate, type TokenBucket } from './token-bucket.js';

function take(bucket: TokenBucket, t: number): TokenBucket {
  const copy = { ...bucket };
  consumeToken(copy, t);
  return copy;
}

const HOUR = 3_600_000;

describe('token bucket', () => {
  it('releases at the rate after the burst', () => {
    let bucket = createBucket(6, 2, 0);
    bucket = take(bucket, 0);
    bucket = take(bucket, 0);
    expect(hasToken(bucket, 0)).toBe(false);
    // Six an hour: one every ten minutes.
    expect(tokenReadyAt(bucket, 0)).toBe(HOUR / 6);
    expect(hasToken(bucket, HOUR / 6)).toBe(true);
    expect(tokensAt(bucket, 10 * HOUR)).toBe(2);
  });

  it('keeps what flowed in when the rate changes, stops at 0 and has no limit at null', () => {
    let bucket = take(createBucket(6, 1, 0), 0);
    bucket = withRate(bucket, HOUR / 12, 12);
    expect(tokensAt(bucket, HOUR / 12)).toBeCloseTo(0.5);
    expect(tokenReadyAt(bucket, HOUR / 12)).toBe(HOUR / 12 + HOUR / 24);
    bucket = withRate(createBucket(6, 3, 0), 0, 0);
    expect(tokensAt(bucket, 0)).toBe(0);
    expect(tokenReadyAt(bucket, HOUR)).toBe(Infinity);
    bucket = withRate(bucket, HOUR, null);
    expect(hasToken(bucket, HOUR)).toBe(true);
    expect(tokenReadyAt(bucket, HOUR)).toBe(HOUR);
  });

  it('gives a ready time at which a token is there, whatever the rounding', () => {
    for (const rate of [7, 13, 0.3, 1000 / 3]) {
      const bucket = take(createBucket(rate, 1, 1), 1);
      const ready = tokenReadyAt(bucket, 1);
      expect(hasToken(bucket, ready)).toBe(true);
      expect(hasToken(bucket, ready - 1)).toBe(false);
    }
  });
});
