/**
 * Fuzzing the Teltonika session: random bytes, and mutations of packets made by the encoder, some resealed
 * (length and CRC made right again) so that the mutation reaches the record decoder behind the CRC.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../core/random/index.js';
import { crc16Arc } from '../crc.js';
import { fuzzBudget } from '../fuzz/budget.js';
import { mutateBytes, randomBytes, type NumericField } from '../fuzz/mutate.js';
import { runSessionFuzz, summarize } from '../fuzz/run-session-fuzz.js';
import { CODEC_8, CODEC_8_EXTENDED } from './avl-decoder.js';
import { encodeAvlPacket, encodeImei, type AvlIoElement, type AvlRecordInput } from './encoder.js';
import {
  CODEC_8E_EXAMPLE, CODEC_8E_EXAMPLE_WITH_VARIABLE_IO, CODEC_8_EXAMPLE_1, CODEC_8_EXAMPLE_2, CODEC_8_EXAMPLE_3, hexToBytes,
} from './published-examples.js';
import { createTeltonikaSession } from './session.js';

const BUDGET = fuzzBudget(260_000, 120);
const LENGTH_FIELD: NumericField = { offset: 4, bytes: 4 };
const IMEI_LENGTH_FIELD: NumericField = { offset: 0, bytes: 2 };
/** In the data field: codec ID, record count, the first record's priority, and its event IO (with, in Codec 8, its IO count). */
const DATA_FIELDS: NumericField[] = [{ offset: 0, bytes: 1 }, { offset: 1, bytes: 1 }, { offset: 10, bytes: 1 }, { offset: 26, bytes: 2 }];

function randomRecord(rng: Rng, extended: boolean): AvlRecordInput {
  const ids = rng.shuffle(Array.from({ length: extended ? 400 : 255 }, (_, i) => i + 1)).slice(0, rng.int(0, 12));
  const io: AvlIoElement[] = ids.map((id) => {
    const bytes = rng.pick([1, 2, 4, 8] as const);
    const value = bytes === 8 ? BigInt(rng.uint32()) * BigInt(rng.uint32()) : rng.uint32() % 2 ** (bytes * 8);
    return { id, bytes, value };
  });
  const record: AvlRecordInput = {
    timestamp: Date.UTC(2019, 0, 1) + rng.int(0, 12 * 365 * 86_400) * 1000,
    priority: rng.int(0, 2),
    lat: rng.next() * 180 - 90,
    lon: rng.next() * 360 - 180,
    altitude: rng.int(-400, 5000),
    angle: rng.int(0, 359),
    satellites: rng.int(0, 20),
    speed: rng.int(0, 250),
    eventIo: ids.length > 0 && rng.chance(0.5) ? ids[0]! : 0,
    io,
  };
  if (extended && rng.chance(0.3)) record.variableIo = [{ id: 500 + rng.int(0, 100), value: randomBytes(rng, 24) }];
  return record;
}

function randomPacket(rng: Rng): Uint8Array {
  const extended = rng.chance(0.5);
  const count = rng.chance(0.9) ? rng.int(1, 8) : rng.int(0, 60);
  const records = Array.from({ length: count }, () => randomRecord(rng, extended));
  return encodeAvlPacket(records, extended ? CODEC_8_EXTENDED : CODEC_8);
}

/** The packet around a data field, with the length and CRC that make it pass the framing. */
function seal(dataField: Uint8Array): Uint8Array {
  const out = new Uint8Array(dataField.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(4, dataField.length);
  out.set(dataField, 8);
  view.setUint32(8 + dataField.length, crc16Arc(dataField));
  return out;
}

function makeCorpus(rng: Rng): Uint8Array[] {
  const published = [CODEC_8_EXAMPLE_1, CODEC_8_EXAMPLE_2, CODEC_8_EXAMPLE_3, CODEC_8E_EXAMPLE, CODEC_8E_EXAMPLE_WITH_VARIABLE_IO];
  return [...published.map(hexToBytes), ...Array.from({ length: 400 }, () => randomPacket(rng))];
}

describe('Teltonika session under fuzzing', () => {
  it(`survives ${BUDGET.frames} random and mutated frames`, () => {
    const corpus = makeCorpus(createRng(`${BUDGET.seed}/teltonika-corpus`));
    const started = performance.now();
    const stats = runSessionFuzz({
      protocol: 'teltonika',
      createSession: (limits) => createTeltonikaSession(limits),
      frames(rng, maxFrameBytes) {
        const frames: Uint8Array[] = [];
        const imei = encodeImei(String(rng.int(100_000_000_000_000, 999_999_999_999_999)));
        const handshake = rng.next();
        if (handshake < 0.9) frames.push(imei);
        else if (handshake < 0.97) frames.push(mutateBytes(imei, rng, [IMEI_LENGTH_FIELD], maxFrameBytes));
        let previous = rng.pick(corpus);
        for (let n = rng.int(1, 6); n > 0; n--) {
          const valid = rng.pick(corpus);
          const kind = rng.next();
          let frame: Uint8Array;
          if (kind < 0.3) frame = valid;
          else if (kind < 0.55) frame = mutateBytes(valid, rng, [LENGTH_FIELD], maxFrameBytes);
          else if (kind < 0.85) frame = seal(mutateBytes(valid.subarray(8, valid.length - 4), rng, DATA_FIELDS, maxFrameBytes));
          else if (kind < 0.9) frame = randomBytes(rng, 64);
          else frame = previous;
          frames.push(frame);
          previous = frame;
        }
        return frames;
      },
    }, BUDGET);
    const ms = performance.now() - started;
    console.log(summarize('teltonika', stats, ms));
    expect(stats.frames).toBeGreaterThanOrEqual(BUDGET.frames);
    // The mutants reached the decoder, not only the framing.
    expect(stats.positions).toBeGreaterThan(BUDGET.frames / 10);
    for (const code of ['CRC_MISMATCH', 'FRAME_TOO_LARGE', 'TRUNCATED_RECORD', 'IO_COUNT_MISMATCH', 'BAD_PREAMBLE']) {
      expect(stats.errors.get(code), code).toBeGreaterThan(0);
    }
    expect(ms).toBeLessThan(BUDGET.timeLimitMs);
    expect(stats.slowestFeedMs).toBeLessThan(1000);
  }, BUDGET.timeLimitMs * 2);
});
