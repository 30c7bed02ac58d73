/**
 * The checksum of Wialon IPS 2.0: CRC-16/ARC over the packet's bytes from the first byte after `#TYPE#` up
 * to and including the last separator before the checksum (`;`, or `|` in a black box), sent as hexadecimal
 * text. Checked against packets captured from devices and accepted by Wialon servers (see checksum.test.ts).
 */
import { crc16Arc } from '../crc.js';

export interface ChecksummedBody {
  /** End (exclusive) of the content before the checksum, without its final separator. */
  contentEnd: number;
  valid: boolean;
}

/**
 * Finds the checksum field at the end of `bytes[bodyStart..end)`, after the last `separator`, and checks it.
 * Undefined when there is no separator or the field is not 1–4 hexadecimal digits: a malformed packet.
 */
export function checkBody(bytes: Uint8Array, bodyStart: number, end: number, separator: number): ChecksummedBody | undefined {
  const sep = bytes.lastIndexOf(separator, end - 1);
  if (sep < bodyStart) return undefined;
  const digits = end - sep - 1;
  if (digits < 1 || digits > 4) return undefined;
  let sent = 0;
  for (let i = sep + 1; i < end; i++) {
    const d = hexDigit(bytes[i]!);
    if (d < 0) return undefined;
    sent = (sent << 4) | d;
  }
  return { contentEnd: sep, valid: sent === crc16Arc(bytes, bodyStart, sep + 1) };
}

/** The checksum text for a body that ends with its separator: 4 uppercase hexadecimal digits. */
export function checksumText(body: Uint8Array): string {
  return crc16Arc(body).toString(16).toUpperCase().padStart(4, '0');
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
