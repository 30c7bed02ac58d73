/**
 * Fuzzing the MQTT JSON payload decoder: payloads made by the encoder with a JSON value replaced by a hostile
 * one (numbers JSON reads as Infinity, times past the last date, wrong types, deep nesting, long text), their
 * bytes mutated (broken UTF-8 and JSON), random bytes, and payloads under tight limits.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../core/random/index.js';
import { fuzzBudget } from '../fuzz/budget.js';
import { mutateBytes, randomBytes } from '../fuzz/mutate.js';
import { runDecoderFuzz, summarizeDecoder, type DecoderResult } from '../fuzz/run-decoder-fuzz.js';
import { encodeMqttPayload, type MqttPositionMessage } from './encode.js';
import { decodeMqttPayload, DEFAULT_MQTT_PAYLOAD_LIMITS, type MqttPayloadLimits } from './payload.js';

const BUDGET = fuzzBudget(180_000, 120);
const UTF8 = new TextEncoder();
const TEXT = new TextDecoder();
const TIGHT_LIMITS: MqttPayloadLimits = { maxBytes: 600, maxPositions: 3, maxDepth: 3, maxAttributes: 2 };
/** JSON text put in place of a value: what JSON.parse turns into trouble, and what the format refuses. */
const HOSTILE_JSON = [
  '1e400', '-1e400', '8640000000000001', '8640000000000000', '9007199254740993', '-0', '0', '-1', '1.5', 'null', 'true', '""',
  '"NaN"', '[]', '{}', '[[[[[[[[[[1]]]]]]]]]]', '{"lat":1}', '"2026-05-01T12:00:00"', '"9999-12-31T23:59:59Z"',
  '"2026-05-01T12:00:00+24:00"', '1.7976931348623157e308', '"\\u0000"', '"\\ud800"', `"${'x'.repeat(1100)}"`, '91', '-181',
  '360', '361', '256', '101', '"__proto__"', '{"__proto__":{"x":1}}',
];
const TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\]|\\.)*"|true|false|null/g;

function randomMessage(rng: Rng): MqttPositionMessage {
  const time = Date.UTC(2020, 0, 1) + rng.int(0, 10 * 365 * 86_400_000);
  const message: MqttPositionMessage = {
    time: rng.chance(0.5) ? time : new Date(time).toISOString(), lat: rng.next() * 180 - 90, lon: rng.next() * 360 - 180,
  };
  if (rng.chance(0.7)) message.speed = rng.int(0, 2000) / 10;
  if (rng.chance(0.7)) message.course = rng.int(0, 359);
  if (rng.chance(0.5)) message.altitude = rng.int(-400, 5000);
  if (rng.chance(0.5)) message.satellites = rng.int(0, 30);
  if (rng.chance(0.3)) message.valid = rng.chance(0.8);
  if (rng.chance(0.6)) message.seq = rng.int(0, 1_000_000);
  if (rng.chance(0.5)) message.seal = { locked: rng.chance(0.5), tamper: rng.chance(0.1), batteryPercent: rng.int(0, 100) };
  if (rng.chance(0.4)) message.attributes = { temp: rng.int(-400, 400) / 10, door: rng.chance(0.5), fw: `v${rng.int(1, 9)}` };
  return message;
}

function randomPayload(rng: Rng): Uint8Array {
  if (rng.chance(0.5)) return encodeMqttPayload(randomMessage(rng));
  return encodeMqttPayload(Array.from({ length: rng.int(0, 10) }, () => randomMessage(rng)));
}

/** Replaces one to three JSON values (or keys) of the payload's text with hostile JSON. */
function mutateValues(payload: Uint8Array, rng: Rng): Uint8Array {
  let text = TEXT.decode(payload);
  for (let n = rng.int(1, 3); n > 0; n--) {
    const tokens = [...text.matchAll(TOKEN)];
    if (tokens.length === 0) break;
    const token = rng.pick(tokens);
    const replacement = rng.chance(0.9) ? rng.pick(HOSTILE_JSON) : '"unknownField"';
    text = text.slice(0, token.index) + replacement + text.slice(token.index + token[0].length);
  }
  return UTF8.encode(text);
}

interface Input {
  payload: Uint8Array;
  limits: MqttPayloadLimits;
}

describe('MQTT JSON payload decoder under fuzzing', () => {
  it(`survives ${BUDGET.frames} random and mutated payloads`, () => {
    const corpusRng = createRng(`${BUDGET.seed}/mqtt-json-corpus`);
    const corpus = Array.from({ length: 2000 }, () => randomPayload(corpusRng));
    const started = performance.now();
    const stats = runDecoderFuzz<Input>({
      protocol: 'mqtt-json',
      input(rng) {
        const valid = rng.pick(corpus);
        const kind = rng.next();
        let payload: Uint8Array;
        if (kind < 0.2) payload = valid;
        else if (kind < 0.6) payload = mutateValues(valid, rng);
        else if (kind < 0.85) payload = mutateBytes(valid, rng);
        else if (kind < 0.9) payload = randomBytes(rng, 200);
        else payload = UTF8.encode(`${'['.repeat(rng.int(1, 5000))}${rng.chance(0.5) ? ']'.repeat(rng.int(0, 5000)) : ''}`);
        return { payload, limits: rng.chance(0.85) ? DEFAULT_MQTT_PAYLOAD_LIMITS : TIGHT_LIMITS };
      },
      decode: ({ payload, limits }, receivedAt): DecoderResult => decodeMqttPayload('seal-1', payload, receivedAt, limits),
      show: ({ payload, limits }) => `${JSON.stringify(limits)} ${TEXT.decode(payload)}`,
    }, BUDGET);
    const ms = performance.now() - started;
    console.log(summarizeDecoder('mqtt-json', stats, ms));
    expect(stats.accepted).toBeGreaterThan(BUDGET.frames / 5);
    for (const code of ['JSON_SYNTAX', 'JSON_TOO_DEEP', 'TYPE_INVALID', 'OUT_OF_RANGE', 'TIME_INVALID', 'UNKNOWN_FIELD', 'ENCODING']) {
      expect(stats.issues.get(code), code).toBeGreaterThan(0);
    }
    expect(ms).toBeLessThan(BUDGET.timeLimitMs);
    expect(stats.slowestMs).toBeLessThan(1000);
  }, BUDGET.timeLimitMs * 2);
});
