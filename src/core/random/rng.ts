/**
 * The seeded random number generator the whole project draws from, so that a simulation, a demo data
 * set or a random selection can be replayed exactly from its seed.
 *
 * Algorithm: xoshiro128** (see xoshiro128.ts), its state the MurmurHash3 x86_128 hash of the seed path.
 * Every stream is named by a seed path: `createRng(42)` is the path `42`, and its `fork('arrivals')` is
 * `42/arrivals`. A fork depends only on its path, never on how much the parent has drawn, so adding a
 * draw in one part of a model leaves every other part's numbers unchanged (common random numbers), and
 * any stream can be recreated directly from the path recorded beside a decision.
 */
import { murmur3x86x128 } from './murmur3.js';
import { xoshiro128ss, type XoshiroState } from './xoshiro128.js';

export interface Rng {
  /** The seed path that names this stream, such as `42/arrivals`; record it to explain a decision. */
  readonly seed: string;
  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform unsigned 32-bit integer. */
  uint32(): number;
  /** A uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with probability proportional to its weight. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T;
  /** A new array with the elements in uniformly random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Normal (Gaussian) variate, by the Box–Muller transform. */
  normal(mean?: number, sd?: number): number;
  /** Exponential variate with the given rate (mean 1 / rate), by inversion. */
  exponential(rate: number): number;
  /** Log-normal variate: exp of a normal with mean `mu` and standard deviation `sigma`. */
  lognormal(mu: number, sigma: number): number;
  /** An independent stream named `label` under this one; the same path always gives the same stream. */
  fork(label: string): Rng;
}

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;
const encoder = new TextEncoder();

function seedPath(seed: number | string): string {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`a seed must be a finite number, got ${seed}`);
    // A number and its decimal text are the same seed, so `--seed 42` on a command line replays createRng(42).
    return String(seed);
  }
  return seed;
}

function stateOf(path: string): XoshiroState {
  const state = murmur3x86x128(encoder.encode(path));
  // xoshiro's one forbidden state; a hash lands on it with probability 2^-128, but the guard costs nothing.
  if (state.every((word) => word === 0)) state[0] = 0x9e3779b9;
  return state;
}

class Xoshiro128Rng implements Rng {
  readonly seed: string;
  private readonly state: XoshiroState;

  constructor(path: string) {
    this.seed = path;
    this.state = stateOf(path);
  }

  uint32(): number {
    return xoshiro128ss(this.state);
  }

  next(): number {
    // 27 + 26 bits from two outputs, the usual construction of an evenly spaced double in [0, 1).
    const high = this.uint32() >>> 5;
    const low = this.uint32() >>> 6;
    return (high * 67_108_864 + low) / TWO_POW_53;
  }

  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(min, max) needs integers with min <= max, got ${min} and ${max}`);
    }
    const range = max - min + 1;
    if (range > TWO_POW_32) return min + Math.floor(this.next() * range);
    // Rejection keeps every value equally likely; taking the remainder alone would favour small ones.
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return min + (x % range);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty array');
    return items[this.int(0, items.length - 1)] as T;
  }

  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of choices) {
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`weights must be finite and >= 0, got ${weight}`);
      total += weight;
    }
    if (total <= 0) throw new RangeError('weighted() needs at least one positive weight');
    let target = this.next() * total;
    for (const [item, weight] of choices) {
      if (target < weight) return item;
      target -= weight;
    }
    // Rounding can leave the target a hair above the last weight; the last positive choice gets it.
    for (let i = choices.length - 1; i >= 0; i--) {
      const choice = choices[i] as readonly [T, number];
      if (choice[1] > 0) return choice[0];
    }
    throw new RangeError('unreachable: no positive weight');
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  normal(mean = 0, sd = 1): number {
    // Always two uniforms per variate (no cached spare), so a stream's position never depends on
    // whether an odd or even number of normals was drawn before.
    const u1 = 1 - this.next(); // (0, 1], so the logarithm is finite
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  exponential(rate: number): number {
    if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`exponential rate must be > 0, got ${rate}`);
    return -Math.log(1 - this.next()) / rate;
  }

  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  fork(label: string): Rng {
    return new Xoshiro128Rng(`${this.seed}/${label}`);
  }
}

/**
 * A generator for `seed`. The uniform draws are bit-exact on every platform; the normal, exponential
 * and log-normal ones also go through Math.log, Math.cos and Math.exp, which V8 computes with its own
 * port of fdlibm, so Node.js gives the same bits on every machine; another engine may differ in the last bit.
 */
export function createRng(seed: number | string): Rng {
  return new Xoshiro128Rng(seedPath(seed));
}
