/**
 * Cuts a byte stream into whole EGTS transport packets and checks each the way the receive procedure of
 * GOST 33465-2015 (5.6.1.4) orders it: version and prefix, header length, header CRC-8, size, frame CRC-16,
 * then encryption and compression. The bytes wait in the shared ByteQueue; no allocation per byte.
 */
import { ByteQueue } from '../byte-queue.js';
import { crc16CcittFalse, crc8Egts } from '../crc.js';
import {
  PC_DATACRC_ERROR, PC_DECRYPT_ERROR, PC_HEADERCRC_ERROR, PC_INVDATALEN,
} from './codes.js';
import {
  FLAG_CMP, FLAG_RTE, HEADER_LENGTH, MASK_ENA, MASK_PRF, PROTOCOL_VERSION, ROUTED_HEADER_LENGTH,
} from './transport.js';

export const FRAME_INCOMPLETE = 0;
export const FRAME_READY = 1;
export const FRAME_ERROR = 2;
export type FrameStatus = typeof FRAME_INCOMPLETE | typeof FRAME_READY | typeof FRAME_ERROR;

const EMPTY = new Uint8Array(0);

export class EgtsFrameReader {
  private readonly queue: ByteQueue;

  /**
   * The packet `next` returned FRAME_READY for, at these offsets of `bytes` (and `view` over the same
   * storage); valid until the next `append`.
   */
  bytes: Uint8Array = EMPTY;
  view: DataView = new DataView(EMPTY.buffer);
  packetStart = 0;
  headerLength = 0;
  flags = 0;
  packetId = 0;
  packetType = 0;
  frameStart = 0;
  frameEnd = 0;

  /** Why `next` returned FRAME_ERROR; `errorResult` is the result code to answer with, or -1 for none. */
  errorCode = '';
  errorMessage = '';
  errorResult = -1;

  constructor(private readonly maxFrameBytes: number) {
    this.queue = new ByteQueue(maxFrameBytes);
  }

  /** Bytes received and not yet consumed as whole packets. */
  get pending(): number {
    return this.queue.length;
  }

  append(chunk: Uint8Array): void {
    this.queue.append(chunk);
  }

  /** Drops every byte waiting; the packet last returned stays readable. */
  clear(): void {
    this.queue.clear();
  }

  private fail(code: string, message: string, result: number): FrameStatus {
    this.errorCode = code;
    this.errorMessage = message;
    this.errorResult = result;
    return FRAME_ERROR;
  }

  next(): FrameStatus {
    const queue = this.queue;
    const available = queue.length;
    if (available < 4) return FRAME_INCOMPLETE;
    const s = queue.start;
    const bytes = queue.bytes;
    const version = bytes[s]!;
    const flags = bytes[s + 2]!;
    const headerLength = bytes[s + 3]!;
    // A peer that does not speak version 1 cannot read our answer either, so these get none.
    if (version !== PROTOCOL_VERSION || (flags & MASK_PRF) !== 0) {
      return this.fail('UNSUPPORTED_VERSION', `protocol version ${version}, prefix ${flags >>> 6}: only version 1, prefix 0`, -1);
    }
    const expected = flags & FLAG_RTE ? ROUTED_HEADER_LENGTH : HEADER_LENGTH;
    if (headerLength !== expected) {
      return this.fail('MALFORMED_HEADER', `header length ${headerLength}, expected ${expected}`, -1);
    }
    if (available < headerLength) return FRAME_INCOMPLETE;
    const view = queue.view;
    const packetId = view.getUint16(s + 7, true);
    this.packetId = packetId;
    if (crc8Egts(bytes, s, s + headerLength - 1) !== bytes[s + headerLength - 1]) {
      return this.fail('HEADER_CRC_MISMATCH', `header checksum does not match (packet ${packetId})`, PC_HEADERCRC_ERROR);
    }
    const frameDataLength = view.getUint16(s + 5, true);
    const total = headerLength + frameDataLength + (frameDataLength > 0 ? 2 : 0);
    if (total > this.maxFrameBytes) {
      return this.fail('FRAME_TOO_LARGE', `packet of ${total} bytes exceeds the limit of ${this.maxFrameBytes}`, PC_INVDATALEN);
    }
    if (available < total) {
      queue.reserve(total - available);
      return FRAME_INCOMPLETE;
    }
    const frameStart = s + headerLength;
    const frameEnd = frameStart + frameDataLength;
    if (frameDataLength > 0 && crc16CcittFalse(bytes, frameStart, frameEnd) !== view.getUint16(frameEnd, true)) {
      return this.fail('DATA_CRC_MISMATCH', `frame data checksum does not match (packet ${packetId})`, PC_DATACRC_ERROR);
    }
    // The standard names no encryption or compression algorithm, so such a frame cannot be read.
    if (flags & MASK_ENA) return this.fail('ENCRYPTION_UNSUPPORTED', 'encrypted frame data', PC_DECRYPT_ERROR);
    if (flags & FLAG_CMP) return this.fail('COMPRESSION_UNSUPPORTED', 'compressed frame data', PC_DECRYPT_ERROR);
    // Kept here: consuming the last packet may hand the queue's storage back.
    this.bytes = bytes;
    this.view = view;
    this.packetStart = s;
    this.headerLength = headerLength;
    this.flags = flags;
    this.packetType = bytes[s + 9]!;
    this.frameStart = frameStart;
    this.frameEnd = frameEnd;
    queue.consume(total);
    return FRAME_READY;
  }
}
