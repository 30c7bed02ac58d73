/**
 * A Wialon IPS TCP connection (versions 2.0 and 1.1): a login, then data packets, each line `#TYPE#body\r\n`.
 * A 2.x login makes the checksum mandatory on every later data packet; a 1.1 login means there is none.
 *
 * A data packet that fails a check (structure, time, coordinates, checksum...) is answered with the spec's
 * code for that check and the connection stays open: the device learns what was wrong and goes on, as a
 * Wialon server lets it. What cannot be answered in the protocol closes the connection: a line that is not
 * a Wialon packet, a line over the limit, data before login, a bad login. A refused packet's `reply` carries
 * `rejected` with one of WIALON_REJECTION_CODES, so the server can count what it answered that way.
 */
import { isDeviceId } from '../device-id.js';
import {
  DEFAULT_SESSION_LIMITS, type BufferedProtocolSession, type SessionLimits, type SessionOutput,
} from '../session.js';
import type { Position } from '../../core/model/index.js';
import { DATA_ANSWER, LOGIN_ANSWER, SHORT_DATA_ANSWER, answer, type MessageFault } from './answers.js';
import { checkBody } from './checksum.js';
import { LineSplitter } from './line-splitter.js';
import { FULL_FIELDS, SHORT_FIELDS, parseMessage } from './message.js';
import { FAULT_REJECTION, type WialonErrorCode, type WialonRejectionCode } from './protocol-error.js';

const HASH = 0x23;
const SEMICOLON = 0x3b;
const PIPE = 0x7c;
const CR = 0x0d;
const UTF8 = new TextDecoder();
/** The longest packet type (`SD`, `AB`...) is short; anything longer between the `#` is not Wialon. */
const MAX_TYPE_LENGTH = 3;
/** An IMEI, serial number or other unique ID: printable, without the protocol's separators. */

type State = 'login' | 'data' | 'closed';

export function createWialonSession(limits: SessionLimits = DEFAULT_SESSION_LIMITS): BufferedProtocolSession {
  const splitter = new LineSplitter(limits.maxFrameBytes);
  let state: State = 'login';
  let deviceId = '';
  let checksums = false;

  return {
    get bufferedBytes(): number {
      return splitter.pendingBytes;
    },
    feed(chunk: Uint8Array, receivedAt: number): SessionOutput[] {
      const out: SessionOutput[] = [];
      if (state === 'closed') return out;
      const result = splitter.push(chunk, (b, start, end) => {
        handleLine(b, start, b[end - 1] === CR ? end - 1 : end, receivedAt, out);
        return state !== 'closed';
      });
      if (result === 'too-long') fail(out, 'LINE_TOO_LONG', `a line exceeds ${limits.maxFrameBytes} bytes`);
      return out;
    },
  };

  function handleLine(b: Uint8Array, start: number, end: number, receivedAt: number, out: SessionOutput[]): void {
    if (start === end) return; // a stray CR LF between packets
    const typeEnd = findTypeEnd(b, start, end);
    if (typeEnd < 0) return fail(out, 'BAD_PACKET', `not a Wialon IPS packet: ${preview(b, start, end)}`);
    const type = UTF8.decode(b.subarray(start + 1, typeEnd));
    const bodyStart = typeEnd + 1;

    if (state === 'login') {
      if (type === 'L') return login(b, bodyStart, end, out);
      if (isKnownType(type)) return fail(out, 'NOT_LOGGED_IN', `#${type}# before login`);
      return fail(out, 'BAD_PACKET', `unknown packet type #${type}#`);
    }
    switch (type) {
      case 'SD':
      case 'D':
        return data(type, b, bodyStart, end, receivedAt, out);
      case 'B':
        return blackBox(b, bodyStart, end, receivedAt, out);
      case 'P':
        out.push({ type: 'reply', reply: answer('AP', '') });
        return;
      case 'M': {
        // A text message for the dispatcher; acknowledged (after its checksum) but not kept.
        const checked = checksums ? checkBody(b, bodyStart, end, SEMICOLON) : undefined;
        if (checksums && !checked?.valid) {
          return reject(out, answer('AM', '0'), checked ? 'CRC_MISMATCH' : 'BAD_STRUCTURE',
            checked ? '#M# checksum does not match' : '#M# has no checksum field');
        }
        out.push({ type: 'reply', reply: answer('AM', '1') });
        return;
      }
      case 'L':
        return fail(out, 'REPEATED_LOGIN', `a second login on the connection of ${deviceId}`);
      case 'I':
        return fail(out, 'UNSUPPORTED_PACKET', 'photo packets (#I#) are not accepted');
      default:
        return fail(out, 'BAD_PACKET', `unknown packet type #${type}#`);
    }
  }

  function login(b: Uint8Array, bodyStart: number, end: number, out: SessionOutput[]): void {
    const fields = UTF8.decode(b.subarray(bodyStart, end)).split(';');
    let id: string;
    if (fields.length === 4 && /^[2-9]\.\d+$/.test(fields[0]!)) {
      const checked = checkBody(b, bodyStart, end, SEMICOLON);
      if (!checked) return fail(out, 'BAD_LOGIN', 'login checksum is not hexadecimal', LOGIN_ANSWER.rejected);
      if (!checked.valid) return fail(out, 'CRC_MISMATCH', 'login checksum does not match', LOGIN_ANSWER.checksumError);
      id = fields[1]!;
      checksums = true;
    } else if (fields.length === 2) {
      id = fields[0]!;
      checksums = false;
    } else {
      return fail(out, 'BAD_LOGIN', `login has ${fields.length} fields`, LOGIN_ANSWER.rejected);
    }
    // The packet's own separators cannot be part of an id that is echoed in answers and logs.
    if (!isDeviceId(id) || /[#;|]/.test(id)) return fail(out, 'BAD_LOGIN', `unusable device ID ${JSON.stringify(id)}`, LOGIN_ANSWER.rejected);
    deviceId = id;
    state = 'data';
    out.push({
      type: 'identified',
      deviceId,
      accept: answer('AL', LOGIN_ANSWER.accepted),
      refuse: answer('AL', LOGIN_ANSWER.rejected),
    });
  }

  function data(type: 'SD' | 'D', b: Uint8Array, bodyStart: number, end: number, receivedAt: number, out: SessionOutput[]): void {
    const answerType = type === 'SD' ? 'ASD' : 'AD';
    const codes = type === 'SD' ? SHORT_DATA_ANSWER : DATA_ANSWER;
    const refuse = (fault: MessageFault, message = `#${type}# ${FAULT_REJECTION[fault].text}`): void =>
      reject(out, answer(answerType, codes[fault]), FAULT_REJECTION[fault].code, message);
    let contentEnd = end;
    if (checksums) {
      const checked = checkBody(b, bodyStart, end, SEMICOLON);
      if (!checked) return refuse('structure', `#${type}# has no checksum field after its last ';'`);
      if (!checked.valid) return refuse('checksum');
      contentEnd = checked.contentEnd;
    }
    const fields = UTF8.decode(b.subarray(bodyStart, contentEnd)).split(';');
    const expected = type === 'SD' ? SHORT_FIELDS : FULL_FIELDS;
    if (fields.length !== expected) return refuse('structure', `#${type}# has ${fields.length} fields, not ${expected}`);
    const result = parseMessage(fields, deviceId, receivedAt);
    if (!result.ok) return refuse(result.fault);
    out.push({ type: 'positions', positions: [result.position], reply: answer(answerType, codes.accepted) });
  }

  function blackBox(b: Uint8Array, bodyStart: number, end: number, receivedAt: number, out: SessionOutput[]): void {
    let contentEnd = end;
    if (checksums) {
      const checked = checkBody(b, bodyStart, end, PIPE);
      // The spec answers a black box whose checksum fails with `#AB#` and no count.
      if (!checked) return reject(out, answer('AB', ''), 'BAD_STRUCTURE', "#B# has no checksum field after its last '|'");
      if (!checked.valid) return reject(out, answer('AB', ''), 'CRC_MISMATCH', '#B# checksum does not match');
      contentEnd = checked.contentEnd;
    }
    const positions: Position[] = [];
    let messages = 0;
    let firstFault: MessageFault | undefined;
    for (const message of UTF8.decode(b.subarray(bodyStart, contentEnd)).split('|')) {
      if (message === '') continue; // a trailing `|` in 1.1
      messages++;
      const result = parseMessage(message.split(';'), deviceId, receivedAt);
      if (result.ok) positions.push(result.position);
      else firstFault ??= result.fault;
    }
    const reply = answer('AB', String(positions.length));
    // Some messages taken: the count tells the device which; the gateway stores what was taken.
    if (positions.length > 0) return void out.push({ type: 'positions', positions, reply });
    if (firstFault === undefined) return reject(out, reply, 'BAD_STRUCTURE', '#B# holds no message');
    const { code, text } = FAULT_REJECTION[firstFault];
    reject(out, reply, code, `none of the ${messages} messages of #B# accepted; the first: ${text}`);
  }

  function reject(out: SessionOutput[], reply: Uint8Array, code: WialonRejectionCode, message: string): void {
    out.push({ type: 'reply', reply, rejected: { code, message } });
  }

  function fail(out: SessionOutput[], code: WialonErrorCode, message: string, loginAnswer?: string): void {
    state = 'closed';
    out.push(
      loginAnswer === undefined
        ? { type: 'error', code, message }
        : { type: 'error', code, message, reply: answer('AL', loginAnswer) },
    );
  }
}

/** Index of the `#` closing `#TYPE#`, or -1 when the line does not open with one. */
function findTypeEnd(b: Uint8Array, start: number, end: number): number {
  if (b[start] !== HASH) return -1;
  const last = Math.min(end, start + 2 + MAX_TYPE_LENGTH);
  for (let i = start + 1; i < last; i++) if (b[i] === HASH) return i;
  return -1;
}

function isKnownType(type: string): boolean {
  return type === 'SD' || type === 'D' || type === 'B' || type === 'P' || type === 'M' || type === 'I';
}

function preview(b: Uint8Array, start: number, end: number): string {
  return JSON.stringify(UTF8.decode(b.subarray(start, Math.min(end, start + 32))));
}
