import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
import { createRng } from '../../core/random/index.js';
import type { BufferedProtocolSession, SessionOutput } from '../session.js';
import { positionFault } from './check-position.js';
import { emptyStats, feedAndCheck } from './check-session.js';
import { chunkStream } from './chunk.js';
import { FuzzFailure } from './fuzz-failure.js';
import { concatBytes, mutateBytes, setField } from './mutate.js';

const AT = Date.UTC(2026, 4, 1);
const SOUND: Position = {
  deviceId: 'a', deviceTime: AT - 1000, receivedTime: AT, lat: 90, lon: -180, speed: 0, course: 359.9, valid: true,
  attributes: { io1: 1, big: 2n ** 70n, text: 'x', flag: false, bytes: new Uint8Array(2) },
};

/** A session that says what it is told to, to see that the checks catch each broken promise. */
function scripted(outputs: SessionOutput[][], buffered = 0): BufferedProtocolSession {
  let call = 0;
  return { bufferedBytes: buffered, feed: () => outputs[call++] ?? [] };
}

describe('fuzz harness', () => {
  it('finds nothing wrong with a sound position, and names each broken rule', () => {
    expect(positionFault(SOUND, AT)).toBeUndefined();
    const broken: [Partial<Position>, string][] = [
      [{ lat: 90.0001 }, 'lat'], [{ lon: Number.NaN }, 'lon'], [{ deviceTime: 8.64e15 + 1 }, 'deviceTime'],
      [{ course: 360 }, 'course'], [{ speed: Number.POSITIVE_INFINITY }, 'speed'], [{ altitude: Number.NaN }, 'altitude'],
      [{ satellites: 1.5 }, 'satellites'], [{ deviceId: '' }, 'deviceId'], [{ receivedTime: AT + 1 }, 'receivedTime'],
      [{ attributes: { x: Number.NEGATIVE_INFINITY } }, 'attribute x'], [{ seal: { batteryPercent: Number.NaN } }, 'seal.batteryPercent'],
    ];
    for (const [change, rule] of broken) expect(positionFault({ ...SOUND, ...change }, AT)).toContain(rule);
  });

  it('catches output after an error, unsound positions, and bytes held over the limit', () => {
    const error: SessionOutput = { type: 'error', code: 'X', message: 'x' };
    const reply: SessionOutput = { type: 'reply', reply: new Uint8Array(1) };
    const run = (session: BufferedProtocolSession, chunks = 2): void =>
      feedAndCheck(session, Array.from({ length: chunks }, () => new Uint8Array(1)), 100, AT, emptyStats());
    expect(() => run(scripted([[reply], [reply]]))).not.toThrow();
    expect(() => run(scripted([[error], [reply]]))).toThrow(/after an error/);
    expect(() => run(scripted([[error, reply]]))).toThrow(/after an error in the same call/);
    expect(() => run(scripted([[{ type: 'positions', positions: [{ ...SOUND, lat: 91 }], reply: new Uint8Array(0) }]]))).toThrow(/lat 91/);
    expect(() => run(scripted([], 101))).toThrow(/101 bytes held/);
    const throwing: BufferedProtocolSession = { bufferedBytes: 0, feed: () => { throw new TypeError('boom'); } };
    expect(() => run(throwing)).toThrow(FuzzFailure);
  });

  it('cuts a stream into chunks that join back into it', () => {
    const rng = createRng('chunks');
    const stream = Uint8Array.from({ length: 3000 }, (_, i) => i & 0xff);
    for (let i = 0; i < 200; i++) {
      const chunks = chunkStream(stream, rng, [100, 1000, 2999]);
      expect(chunks.every((c) => c.length > 0)).toBe(true);
      expect(concatBytes(chunks)).toEqual(stream);
    }
  });

  it('mutates copies, never the frame it is given, and writes fields at their offsets', () => {
    const rng = createRng('mutations');
    const frame = Uint8Array.from({ length: 40 }, (_, i) => i);
    const before = frame.slice();
    let changed = 0;
    for (let i = 0; i < 200; i++) if (mutateBytes(frame, rng, [{ offset: 4, bytes: 4 }]).join() !== before.join()) changed++;
    expect(frame).toEqual(before);
    expect(changed).toBeGreaterThan(180);
    expect(Array.from(setField(frame, { offset: 1, bytes: 2, littleEndian: true }, 0x1234).subarray(0, 4))).toEqual([0, 0x34, 0x12, 3]);
    expect(setField(frame, { offset: 39, bytes: 4 }, 1)).toEqual(frame);
  });
});
