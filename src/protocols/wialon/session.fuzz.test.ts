/**
 * Fuzzing the Wialon IPS session: random bytes, byte mutations of lines made by the encoder, and field
 * mutations (a field replaced by a hostile value, removed, repeated) with the checksum made right again, so
 * that they reach the field parsers behind it. Lines run up to the session's limit.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../core/random/index.js';
import { fuzzBudget } from '../fuzz/budget.js';
import { concatBytes, mutateBytes, randomBytes } from '../fuzz/mutate.js';
import { runSessionFuzz, summarize } from '../fuzz/run-session-fuzz.js';
import { checksumText } from './checksum.js';
import {
  encodeBlackBox, encodeData, encodeLogin, encodeShortData, type WialonDataMessage, type WialonVersion,
} from './encoder.js';
import { createWialonSession } from './session.js';

const BUDGET = fuzzBudget(220_000, 120);
const UTF8 = new TextEncoder();
const TEXT = new TextDecoder();
const CRLF = UTF8.encode('\r\n');

/** Values that have broken field parsers somewhere: empty, absent, huge, not numbers, separators, dates that are not. */
const HOSTILE_FIELDS = [
  '', 'NA', '0', '-0', '-1', '1', '9'.repeat(400), '1e999', '-1e999', 'NaN', 'Infinity', '0.0000001', '99999999999999999999',
  '9007199254740993', '5960.0000', '9000.0001', '18000.0001', '0000.0000', '00000.0000', 'N', 'S', 'E', 'W', 'X', '320525',
  '290223', '290224', '000000', '235959', '240000', '235960', '101530.999999999', '1:1:1', 'a:2:1e999', 'a:2:-1e400',
  'a:1:99999999999999999999999', 'b:3:', ':::', ',,,', 'é', '\u0000', '#', '|', ';', '#L#', '\r', 'x'.repeat(2000),
];

function randomMessage(rng: Rng): WialonDataMessage {
  const message: WialonDataMessage = {};
  if (rng.chance(0.9)) message.time = Date.UTC(2000, 0, 1) + rng.int(0, 99 * 365 * 86_400) * 1000;
  if (rng.chance(0.9)) {
    message.lat = rng.next() * 180 - 90;
    message.lon = rng.next() * 360 - 180;
  }
  if (rng.chance(0.8)) message.speed = rng.int(0, 300);
  if (rng.chance(0.8)) message.course = rng.int(0, 359);
  if (rng.chance(0.8)) message.altitude = rng.int(-400, 5000);
  if (rng.chance(0.8)) message.satellites = rng.int(0, 30);
  if (rng.chance(0.5)) {
    message.hdop = rng.int(0, 500) / 10;
    message.inputs = rng.int(0, 255);
    message.outputs = rng.int(0, 255);
    message.adc = Array.from({ length: rng.int(1, 4) }, () => rng.int(0, 50_000) / 100);
    if (rng.chance(0.3)) message.ibutton = rng.uint32().toString(16);
    const params: Record<string, number | bigint | string> = {};
    for (let n = rng.int(0, 6); n > 0; n--) {
      const name = `p${rng.int(0, 999)}`;
      params[name] = rng.pick([rng.int(-1000, 1000), rng.int(0, 100_000) / 1000, `v${rng.uint32()}`, BigInt(rng.uint32()) << 30n]);
    }
    message.params = params;
  }
  return message;
}

/** One packet's type and content, without the checksum: what field mutations work on. */
interface Packet {
  type: string;
  content: string;
  separator: ';' | '|';
}

function randomPacket(rng: Rng): Packet {
  const kind = rng.next();
  if (kind < 0.35) return contentOf(TEXT.decode(encodeShortData(randomMessage(rng), { version: '1.1' })), ';');
  if (kind < 0.7) return contentOf(TEXT.decode(encodeData(randomMessage(rng), { version: '1.1' })), ';');
  if (kind < 0.9) {
    const messages = Array.from({ length: rng.int(1, 5) }, () => randomMessage(rng));
    return contentOf(TEXT.decode(encodeBlackBox(messages, { version: '1.1' })), '|');
  }
  if (kind < 0.95) return { type: 'M', content: `text ${rng.uint32()}`, separator: ';' };
  return { type: 'P', content: '', separator: ';' };
}

/** A 1.1 line (`#T#content\r\n`) taken apart. */
function contentOf(line: string, separator: ';' | '|'): Packet {
  const typeEnd = line.indexOf('#', 1);
  return { type: line.slice(1, typeEnd), content: line.slice(typeEnd + 1, -2), separator };
}

/** The line of `packet` in `version`, the checksum computed over whatever the content now is. */
function lineOf(packet: Packet, version: WialonVersion, content: Uint8Array = UTF8.encode(packet.content)): Uint8Array {
  const head = UTF8.encode(`#${packet.type}#`);
  if (version === '1.1' || packet.type === 'P') return concatBytes([head, content, CRLF]);
  const body = concatBytes([content, UTF8.encode(packet.separator)]);
  return concatBytes([head, body, UTF8.encode(checksumText(body)), CRLF]);
}

/** The content with `extra` digits appended to its last field: a line that reaches the session's limit. */
function longer(content: string, extra: number): Uint8Array {
  const head = UTF8.encode(content);
  const out = new Uint8Array(head.length + extra).fill(0x37);
  out.set(head);
  return out;
}

function mutateFields(content: string, rng: Rng): string {
  const fields = content.split(/(?<=[;|])|(?=[;|])/);
  for (let n = rng.int(1, 3); n > 0 && fields.length > 0; n--) {
    const at = rng.int(0, fields.length - 1);
    const r = rng.next();
    if (r < 0.6) fields[at] = rng.pick(HOSTILE_FIELDS);
    else if (r < 0.75) fields.splice(at, 1);
    else if (r < 0.9) fields.splice(at, 0, fields[at]!);
    else fields[at] = rng.pick([';', '|', ',', ':', '.']);
  }
  return fields.join('');
}

describe('Wialon IPS session under fuzzing', () => {
  it(`survives ${BUDGET.frames} random and mutated lines`, () => {
    const corpusRng = createRng(`${BUDGET.seed}/wialon-corpus`);
    const corpus = Array.from({ length: 600 }, () => randomPacket(corpusRng));
    const started = performance.now();
    const stats = runSessionFuzz({
      protocol: 'wialon',
      createSession: (limits) => createWialonSession(limits),
      frames(rng, maxFrameBytes) {
        const version: WialonVersion = rng.chance(0.8) ? '2.0' : '1.1';
        const frames: Uint8Array[] = [];
        const login = encodeLogin(String(rng.int(100_000_000_000_000, 999_999_999_999_999)), 'NA', { version });
        const start = rng.next();
        if (start < 0.9) frames.push(login);
        else if (start < 0.97) frames.push(mutateBytes(login, rng));
        let previous = login;
        for (let n = rng.int(1, 6); n > 0; n--) {
          const packet = rng.pick(corpus);
          const kind = rng.next();
          let frame: Uint8Array;
          if (kind < 0.25) frame = lineOf(packet, version);
          else if (kind < 0.45) frame = mutateBytes(lineOf(packet, version), rng);
          else if (kind < 0.75) frame = lineOf(packet, version, UTF8.encode(mutateFields(packet.content, rng)));
          else if (kind < 0.85) frame = lineOf(packet, version, mutateBytes(UTF8.encode(packet.content), rng));
          else if (kind < 0.9) frame = randomBytes(rng, 64);
          else if (kind < 0.915) frame = lineOf(packet, version, longer(packet.content, rng.int(0, maxFrameBytes)));
          else frame = previous;
          frames.push(frame);
          previous = frame;
        }
        return frames;
      },
    }, BUDGET);
    const ms = performance.now() - started;
    console.log(summarize('wialon', stats, ms));
    expect(stats.frames).toBeGreaterThanOrEqual(BUDGET.frames);
    expect(stats.positions).toBeGreaterThan(BUDGET.frames / 10);
    expect(stats.rejected).toBeGreaterThan(BUDGET.frames / 20);
    for (const code of ['BAD_PACKET', 'LINE_TOO_LONG', 'BAD_LOGIN', 'NOT_LOGGED_IN']) {
      expect(stats.errors.get(code), code).toBeGreaterThan(0);
    }
    expect(ms).toBeLessThan(BUDGET.timeLimitMs);
    expect(stats.slowestFeedMs).toBeLessThan(1000);
  }, BUDGET.timeLimitMs * 2);
});
