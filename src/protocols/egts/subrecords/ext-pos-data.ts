/**
 * EGTS_SR_EXT_POS_DATA (telematics service, subrecord 17): the quality of the fix that precedes it.
 *
 *   FLG(1: NSFE 4, SFE 3, PFE 2, HFE 1, VFE 0) [VDOP(2)] [HDOP(2)] [PDOP(2)] [SAT(1)] [NS(2)]
 *
 * Dilutions travel multiplied by 100. NS is a bit set of navigation systems (1 GLONASS, 2 GPS, 4 Galileo,
 * 8 Compass, 16 Beidou, 32 DORIS, 64 IRNSS, 128 QZSS).
 */

const VFE = 0x01;
const HFE = 0x02;
const PFE = 0x04;
const SFE = 0x08;
const NSFE = 0x10;

export interface ExtPosData {
  vdop?: number;
  hdop?: number;
  pdop?: number;
  satellites?: number;
  navigationSystems?: number;
}

/** Decodes [start, end); undefined when it is shorter than its flags announce. */
export function decodeExtPosData(bytes: Uint8Array, view: DataView, start: number, end: number): ExtPosData | undefined {
  if (end - start < 1) return undefined;
  const flags = bytes[start]!;
  const needed = 1 + (flags & VFE ? 2 : 0) + (flags & HFE ? 2 : 0) + (flags & PFE ? 2 : 0)
    + (flags & SFE ? 1 : 0) + (flags & NSFE ? 2 : 0);
  if (end - start < needed) return undefined;
  const ext: ExtPosData = {};
  let at = start + 1;
  if (flags & VFE) { ext.vdop = view.getUint16(at, true) / 100; at += 2; }
  if (flags & HFE) { ext.hdop = view.getUint16(at, true) / 100; at += 2; }
  if (flags & PFE) { ext.pdop = view.getUint16(at, true) / 100; at += 2; }
  if (flags & SFE) { ext.satellites = bytes[at]!; at += 1; }
  if (flags & NSFE) ext.navigationSystems = view.getUint16(at, true);
  return ext;
}

export function extPosDataLength(ext: ExtPosData): number {
  return 1 + (ext.vdop !== undefined ? 2 : 0) + (ext.hdop !== undefined ? 2 : 0) + (ext.pdop !== undefined ? 2 : 0)
    + (ext.satellites !== undefined ? 1 : 0) + (ext.navigationSystems !== undefined ? 2 : 0);
}

const dop = (value: number): number => Math.min(0xffff, Math.max(0, Math.round(value * 100)));

export function writeExtPosData(view: DataView, offset: number, ext: ExtPosData): number {
  let flags = 0;
  let at = offset + 1;
  if (ext.vdop !== undefined) { flags |= VFE; view.setUint16(at, dop(ext.vdop), true); at += 2; }
  if (ext.hdop !== undefined) { flags |= HFE; view.setUint16(at, dop(ext.hdop), true); at += 2; }
  if (ext.pdop !== undefined) { flags |= PFE; view.setUint16(at, dop(ext.pdop), true); at += 2; }
  if (ext.satellites !== undefined) { flags |= SFE; view.setUint8(at, ext.satellites); at += 1; }
  if (ext.navigationSystems !== undefined) { flags |= NSFE; view.setUint16(at, ext.navigationSystems, true); at += 2; }
  view.setUint8(offset, flags);
  return at;
}
