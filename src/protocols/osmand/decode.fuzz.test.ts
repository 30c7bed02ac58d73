/**
 * Fuzzing the OsmAnd decoder: queries made by the encoder with parameters replaced by hostile values,
 * removed, repeated or multiplied, their bytes mutated (then read back as text, lossily, as a server would),
 * random text, and parameter objects of the shape an HTTP framework hands over.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../core/random/index.js';
import { fuzzBudget } from '../fuzz/budget.js';
import { mutateBytes, randomBytes } from '../fuzz/mutate.js';
import { runDecoderFuzz, summarizeDecoder, type DecoderResult } from '../fuzz/run-decoder-fuzz.js';
import { decodeOsmand, decodeOsmandQuery, type OsmandParams, type OsmandResult } from './decode.js';
import { encodeOsmandQuery } from './encode.js';

const BUDGET = fuzzBudget(180_000, 120);
const UTF8 = new TextEncoder();
const LOSSY = new TextDecoder();
const NAMES = ['id', 'deviceid', 'timestamp', 'lat', 'lon', 'location', 'speed', 'bearing', 'heading', 'altitude', 'accuracy',
  'hdop', 'batt', 'valid', 'charge', 'x'.repeat(65), ''];
const HOSTILE_VALUES = [
  '', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '9'.repeat(400), '99999999999999999999', '1e21', '8640000000000001',
  '8640000000000', '100000000000', '99999999999.9', '-5', '+5', '.5', '5.', '0x10', '1,2', '1,2,3', '91,181', '-90,-180', ',',
  'true', 'false', 'maybe', '2026-05-01T12:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-02-29T00:00:00Z',
  '1969-12-31T23:59:59-23:59', '2026-05-01 12:00', '%', '%zz', '%00', '\u0000', '\ud800', 'x'.repeat(1100), '-0', '360', '-360.5',
];

type Input = { query: string } | { params: OsmandParams };

function randomFix(rng: Rng): string {
  const time = Date.UTC(2020, 0, 1) + rng.int(0, 10 * 365 * 86_400_000);
  const extra: Record<string, string | number | boolean> = {};
  const form = rng.next();
  if (form < 0.2) extra.timestamp = new Date(time).toISOString();
  else if (form < 0.3) extra.timestamp = time;
  for (let n = rng.int(0, 3); n > 0; n--) extra[`p${rng.int(0, 99)}`] = rng.pick([rng.int(-100, 100), rng.chance(0.5), `v${rng.uint32()}`]);
  return encodeOsmandQuery({
    deviceId: String(rng.int(1, 999_999_999)), time, lat: rng.next() * 180 - 90, lon: rng.next() * 360 - 180,
    speed: rng.chance(0.8) ? rng.int(0, 2000) / 10 : undefined, course: rng.chance(0.8) ? rng.int(0, 359) : undefined,
    altitude: rng.chance(0.5) ? rng.int(-400, 5000) : undefined, accuracy: rng.chance(0.5) ? rng.int(1, 100) : undefined,
    hdop: rng.chance(0.3) ? rng.int(0, 100) / 10 : undefined, battery: rng.chance(0.5) ? rng.int(0, 100) : undefined,
    valid: rng.chance(0.3) ? rng.chance(0.8) : undefined, extra,
  });
}

function mutateParameters(query: string, rng: Rng): string {
  const params = query.split('&');
  for (let n = rng.int(1, 3); n > 0; n--) {
    const at = rng.int(0, Math.max(0, params.length - 1));
    const r = rng.next();
    const name = (params[at] ?? '').split('=')[0]!;
    if (r < 0.5) params[at] = `${name}=${urlEncoded(rng.pick(HOSTILE_VALUES), rng)}`;
    else if (r < 0.6) params.splice(at, 1);
    else if (r < 0.7) params.splice(at, 0, params[at] ?? '');
    else if (r < 0.85) params[at] = `${rng.pick(NAMES)}=${(params[at] ?? '').split('=')[1] ?? ''}`;
    else if (r < 0.9) for (let i = rng.int(90, 110); i > 0; i--) params.push(`q${i}=${i}`);
    else params[at] = rng.pick(['=', '&', '==', 'a', '']);
  }
  return params.join(rng.chance(0.95) ? '&' : ';');
}

/** A value as a query carries it; sometimes with its `%` left bare, which no decoder should trust. */
function urlEncoded(value: string, rng: Rng): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    encoded = value; // a lone surrogate has no encoding: sent as it is
  }
  return rng.chance(0.5) ? encoded.replace(/%25/g, '%') : encoded;
}

function paramsObject(query: string, rng: Rng): OsmandParams {
  const params: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    const r = rng.next();
    params[name] = r < 0.8 ? value : r < 0.9 ? [value, rng.pick(HOSTILE_VALUES)] : r < 0.95 ? [] : undefined;
  }
  return params;
}

const asResult = (result: OsmandResult): DecoderResult =>
  result.ok ? { ok: true, positions: [result.position] } : { ok: false, issues: result.issues };

describe('OsmAnd decoder under fuzzing', () => {
  it(`survives ${BUDGET.frames} random and mutated requests`, () => {
    const corpusRng = createRng(`${BUDGET.seed}/osmand-corpus`);
    const corpus = Array.from({ length: 2000 }, () => randomFix(corpusRng));
    const started = performance.now();
    const stats = runDecoderFuzz<Input>({
      protocol: 'osmand',
      input(rng) {
        const valid = rng.pick(corpus);
        const kind = rng.next();
        if (kind < 0.2) return { query: valid };
        if (kind < 0.6) return { query: mutateParameters(valid, rng) };
        if (kind < 0.8) return { query: LOSSY.decode(mutateBytes(UTF8.encode(valid), rng)) };
        if (kind < 0.85) return { query: LOSSY.decode(randomBytes(rng, 200)) };
        return { params: paramsObject(rng.chance(0.5) ? valid : mutateParameters(valid, rng), rng) };
      },
      decode: (input, receivedAt) =>
        asResult('query' in input ? decodeOsmandQuery(input.query, receivedAt) : decodeOsmand(input.params, receivedAt)),
      show: (input) => ('query' in input ? input.query : JSON.stringify(input.params)),
    }, BUDGET);
    const ms = performance.now() - started;
    console.log(summarizeDecoder('osmand', stats, ms));
    expect(stats.accepted).toBeGreaterThan(BUDGET.frames / 5);
    for (const code of ['FIELD_REQUIRED', 'NOT_A_NUMBER', 'OUT_OF_RANGE', 'TIME_INVALID', 'TOO_MANY_FIELDS', 'VALUE_TOO_LONG']) {
      expect(stats.issues.get(code), code).toBeGreaterThan(0);
    }
    expect(ms).toBeLessThan(BUDGET.timeLimitMs);
    expect(stats.slowestMs).toBeLessThan(1000);
  }, BUDGET.timeLimitMs * 2);
});
