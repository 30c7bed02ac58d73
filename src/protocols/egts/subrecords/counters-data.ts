/**
 * EGTS_SR_COUNTERS_DATA (telematics service, subrecord 19): counting inputs.
 *
 *   CFE(1: which of counters 1-8 follow) then CN1..8 (3 bytes each, in bit order)
 */

export interface CountersData {
  /** Counter values by number 1-8 (index 0 is counter 1); absent ones are undefined. */
  counters: (number | undefined)[];
}

export function decodeCountersData(bytes: Uint8Array, start: number, end: number): CountersData | undefined {
  if (end - start < 1) return undefined;
  const cfe = bytes[start]!;
  const data: CountersData = { counters: [] };
  let at = start + 1;
  for (let i = 0; i < 8; i++) {
    if (!(cfe & (1 << i))) continue;
    if (at + 3 > end) return undefined;
    data.counters[i] = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    at += 3;
  }
  return data;
}

export function countersDataLength(data: CountersData): number {
  let n = 0;
  for (let i = 0; i < 8; i++) if (data.counters[i] !== undefined) n++;
  return 1 + 3 * n;
}

export function writeCountersData(view: DataView, offset: number, data: CountersData): number {
  let cfe = 0;
  let at = offset + 1;
  for (let i = 0; i < 8; i++) {
    const value = data.counters[i];
    if (value === undefined) continue;
    cfe |= 1 << i;
    view.setUint8(at, value & 0xff);
    view.setUint8(at + 1, (value >>> 8) & 0xff);
    view.setUint8(at + 2, (value >>> 16) & 0xff);
    at += 3;
  }
  view.setUint8(offset, cfe);
  return at;
}
