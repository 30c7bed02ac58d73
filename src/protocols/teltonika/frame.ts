/**
 * Splitting a Teltonika TCP stream into frames. The first frame is the IMEI handshake (2-byte length, ASCII
 * digits); every later frame is an AVL packet (4 zero bytes, 4-byte data length, data, 4-byte CRC). The
 * scanners only measure: they say how long the frame at `pos` is, that more bytes are needed, or why the
 * stream is broken, and they judge a frame by its header as soon as it arrives, so garbage is refused
 * without waiting for the length it claims.
 */
import { teltonikaError, type TeltonikaError } from './protocol-error.js';

export type FrameScan =
  | { kind: 'incomplete' }
  | { kind: 'frame'; length: number }
  | { kind: 'error'; error: TeltonikaError };

/** Bytes of an AVL packet around its data field: preamble and length before, CRC after. */
export const AVL_FRAME_OVERHEAD = 12;
/** An IMEI is 15 digits; 20 leaves room for devices that send a longer serial, and no more. */
export const MAX_IMEI_LENGTH = 20;

const INCOMPLETE: FrameScan = { kind: 'incomplete' };

export function scanImeiFrame(b: Uint8Array, pos: number, end: number, maxFrameBytes: number): FrameScan {
  if (end - pos < 2) return INCOMPLETE;
  const length = (b[pos]! << 8) | b[pos + 1]!;
  if (length + 2 > maxFrameBytes) {
    return error(teltonikaError('FRAME_TOO_LARGE', `IMEI frame of ${length + 2} bytes exceeds ${maxFrameBytes}`));
  }
  if (length === 0 || length > MAX_IMEI_LENGTH) {
    return error(teltonikaError('BAD_IMEI', `IMEI length ${length} is outside 1..${MAX_IMEI_LENGTH}`));
  }
  // Judge the digits that have arrived so far: a stream that is not Teltonika fails on its first bytes.
  const last = Math.min(end, pos + 2 + length);
  for (let i = pos + 2; i < last; i++) {
    const c = b[i]!;
    if (c < 0x30 || c > 0x39) {
      return error(teltonikaError('BAD_IMEI', `IMEI byte ${i - pos - 2} is 0x${hex2(c)}, not an ASCII digit`));
    }
  }
  return last === pos + 2 + length ? { kind: 'frame', length: length + 2 } : INCOMPLETE;
}

export function scanAvlFrame(b: Uint8Array, pos: number, end: number, maxFrameBytes: number): FrameScan {
  const available = end - pos;
  const preamble = Math.min(4, available);
  for (let i = 0; i < preamble; i++) {
    if (b[pos + i] !== 0) {
      return error(teltonikaError('BAD_PREAMBLE', `preamble byte ${i} is 0x${hex2(b[pos + i]!)}, not 0x00`));
    }
  }
  if (available < 8) return INCOMPLETE;
  const dataLength = b[pos + 4]! * 0x1000000 + ((b[pos + 5]! << 16) | (b[pos + 6]! << 8) | b[pos + 7]!);
  const frameLength = dataLength + AVL_FRAME_OVERHEAD;
  if (frameLength > maxFrameBytes) {
    return error(teltonikaError('FRAME_TOO_LARGE', `AVL packet of ${frameLength} bytes exceeds ${maxFrameBytes}`));
  }
  if (dataLength < 3) {
    return error(teltonikaError('BAD_LENGTH', `data field of ${dataLength} bytes cannot hold a codec ID and record counts`));
  }
  return available < frameLength ? INCOMPLETE : { kind: 'frame', length: frameLength };
}

function error(e: TeltonikaError): FrameScan {
  return { kind: 'error', error: e };
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
