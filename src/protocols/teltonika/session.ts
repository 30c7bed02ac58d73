/**
 * A Teltonika TCP connection (Codec 8 and 8 Extended): the IMEI handshake, then AVL packets, each answered
 * with the number of records accepted. Bytes may arrive one at a time or many frames to a chunk: a chunk is
 * scanned in place, and only the unfinished tail of a frame waits in the queue.
 */
import {
  DEFAULT_SESSION_LIMITS, type BufferedProtocolSession, type SessionLimits, type SessionOutput,
} from '../session.js';
import { decodeAvlPacket } from './avl-decoder.js';
import { ByteQueue } from '../byte-queue.js';
import { scanAvlFrame, scanImeiFrame } from './frame.js';

type State = 'handshake' | 'data' | 'closed';

export function createTeltonikaSession(limits: SessionLimits = DEFAULT_SESSION_LIMITS): BufferedProtocolSession {
  const { maxFrameBytes } = limits;
  const queue = new ByteQueue(maxFrameBytes);
  let state: State = 'handshake';
  let deviceId = '';

  return {
    get bufferedBytes(): number {
      return queue.length;
    },
    feed(chunk: Uint8Array, receivedAt: number): SessionOutput[] {
      const out: SessionOutput[] = [];
      if (state === 'closed' || chunk.length === 0) return out;

      // Scan the chunk itself when nothing is waiting; otherwise the queue, with the chunk appended.
      const fromQueue = queue.length > 0;
      if (fromQueue) queue.append(chunk);
      const b = fromQueue ? queue.bytes : chunk;
      let pos = fromQueue ? queue.start : 0;
      const end = fromQueue ? queue.end : chunk.length;

      while (pos < end) {
        const scan =
          state === 'handshake'
            ? scanImeiFrame(b, pos, end, maxFrameBytes)
            : scanAvlFrame(b, pos, end, maxFrameBytes);
        if (scan.kind === 'incomplete') break;
        if (scan.kind === 'error') {
          close();
          out.push({ type: 'error', code: scan.error.code, message: scan.error.message });
          return out;
        }
        if (state === 'handshake') {
          deviceId = asciiDigits(b, pos + 2, pos + scan.length);
          state = 'data';
          out.push({ type: 'identified', deviceId, accept: Uint8Array.of(0x01), refuse: Uint8Array.of(0x00) });
        } else {
          const decoded = decodeAvlPacket(b, pos, scan.length, deviceId, receivedAt);
          if (!Array.isArray(decoded)) {
            close();
            out.push({ type: 'error', code: decoded.code, message: decoded.message });
            return out;
          }
          out.push({ type: 'positions', positions: decoded, reply: recordCountReply(decoded.length) });
        }
        pos += scan.length;
      }

      if (fromQueue) queue.consume(pos - queue.start);
      else if (pos < end) queue.append(chunk.subarray(pos));
      return out;
    },
  };

  function close(): void {
    state = 'closed';
    queue.clear();
  }
}

/** The acknowledgement: records accepted, as a 4-byte big-endian integer. */
function recordCountReply(count: number): Uint8Array {
  return Uint8Array.of(count >>> 24, (count >>> 16) & 0xff, (count >>> 8) & 0xff, count & 0xff);
}

function asciiDigits(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}
