/**
 * EGTS_SR_POS_DATA (telematics service, subrecord 16): the basic fix.
 *
 *   NTM(4) LAT(4) LONG(4) FLG(1: ALTE 7, LOHS 6, LAHS 5, MV 4, BB 3, FIX 2, CS 1, VLD 0)
 *   SPD(2: DIRH 15, ALTS 14, speed 13-0 in 0.1 km/h) DIR(1) ODM(3, 0.1 km) DIN(1) SRC(1)
 *   [ALT(3, metres) when ALTE] [SRCD(2), whose presence the source decides: read when the length leaves room]
 *
 * Latitude and longitude travel as unsigned magnitudes scaled so that 0xFFFFFFFF is 90 and 180 degrees; the
 * hemisphere is in the flags. NTM counts seconds from 2010-01-01 UTC.
 */
import { EGTS_EPOCH_MS } from '../codes.js';

export const SR_POS_DATA_MIN_LENGTH = 21;

const FLG_VLD = 0x01;
const FLG_CS = 0x02;
const FLG_FIX = 0x04;
const FLG_BB = 0x08;
const FLG_MV = 0x10;
const FLG_LAHS = 0x20;
const FLG_LOHS = 0x40;
const FLG_ALTE = 0x80;
const SPD_ALTS = 0x4000;
const SPD_DIRH = 0x8000;
const UINT32_MAX = 0xffffffff;

export interface PosData {
  /** Fix time, milliseconds since the Unix epoch. */
  time: number;
  /** Degrees, negative south. */
  lat: number;
  /** Degrees, negative west. */
  lon: number;
  /** km/h, 0.1 resolution. */
  speed: number;
  /** Degrees clockwise from north (DIR with its high bit DIRH). */
  course: number;
  /** Metres above sea level (negative below), when ALTE is set. */
  altitude: number | undefined;
  /** Distance travelled, km, 0.1 resolution. */
  odometer: number;
  /** Main digital inputs 1-8, one bit each. */
  digitalInputs: number;
  /** What made the terminal send this fix (Order 285, table 3: 0 timer, 3 request, 10 case opened...). */
  source: number;
  /** Data about the source, when present. */
  sourceData: number | undefined;
  valid: boolean;
  /** Coordinates in PZ-90.02 rather than WGS-84. */
  pz90: boolean;
  fix3d: boolean;
  /** Sent from the terminal's memory ("black box"), not live. */
  blackBox: boolean;
  moving: boolean;
}

export function emptyPosData(): PosData {
  return {
    time: 0, lat: 0, lon: 0, speed: 0, course: 0, altitude: undefined, odometer: 0, digitalInputs: 0,
    source: 0, sourceData: undefined, valid: false, pz90: false, fix3d: false, blackBox: false, moving: false,
  };
}

function uint24(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
}

/** Reads the subrecord data in [start, end) into `out`; false when it is too short for what its flags announce. */
export function readPosData(bytes: Uint8Array, view: DataView, start: number, end: number, out: PosData): boolean {
  if (end - start < SR_POS_DATA_MIN_LENGTH) return false;
  const flags = bytes[start + 12]!;
  const hasAltitude = (flags & FLG_ALTE) !== 0;
  if (hasAltitude && end - start < SR_POS_DATA_MIN_LENGTH + 3) return false;
  const lat = (view.getUint32(start + 4, true) * 90) / UINT32_MAX;
  const lon = (view.getUint32(start + 8, true) * 180) / UINT32_MAX;
  const spd = view.getUint16(start + 13, true);
  out.time = EGTS_EPOCH_MS + view.getUint32(start, true) * 1000;
  out.lat = flags & FLG_LAHS ? -lat : lat;
  out.lon = flags & FLG_LOHS ? -lon : lon;
  out.speed = (spd & 0x3fff) / 10;
  out.course = bytes[start + 15]! | (spd & SPD_DIRH ? 0x100 : 0);
  out.odometer = uint24(bytes, start + 16) / 10;
  out.digitalInputs = bytes[start + 19]!;
  out.source = bytes[start + 20]!;
  let at = start + SR_POS_DATA_MIN_LENGTH;
  if (hasAltitude) {
    const altitude = uint24(bytes, at);
    out.altitude = spd & SPD_ALTS ? -altitude : altitude;
    at += 3;
  } else {
    out.altitude = undefined;
  }
  out.sourceData = end - at >= 2 ? view.getUint16(at, true) : undefined;
  out.valid = (flags & FLG_VLD) !== 0;
  out.pz90 = (flags & FLG_CS) !== 0;
  out.fix3d = (flags & FLG_FIX) !== 0;
  out.blackBox = (flags & FLG_BB) !== 0;
  out.moving = (flags & FLG_MV) !== 0;
  return true;
}

/** What an encoder needs; the flags and counters a simple tracker does not have default to zero. */
export type PosDataInput = Pick<PosData, 'time' | 'lat' | 'lon' | 'speed' | 'course'> & Partial<PosData>;

export function posDataLength(pos: PosDataInput): number {
  return SR_POS_DATA_MIN_LENGTH + (pos.altitude !== undefined ? 3 : 0) + (pos.sourceData !== undefined ? 2 : 0);
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, Math.round(value)));
}

function setUint24(view: DataView, at: number, value: number): void {
  view.setUint8(at, value & 0xff);
  view.setUint8(at + 1, (value >>> 8) & 0xff);
  view.setUint8(at + 2, (value >>> 16) & 0xff);
}

/** Writes the subrecord data at `offset`; returns the offset after it. */
export function writePosData(view: DataView, offset: number, pos: PosDataInput): number {
  const course = clamp(pos.course, 0x1ff);
  const altitude = pos.altitude;
  let flags = 0;
  if (pos.valid ?? true) flags |= FLG_VLD;
  if (pos.pz90) flags |= FLG_CS;
  if (pos.fix3d) flags |= FLG_FIX;
  if (pos.blackBox) flags |= FLG_BB;
  if (pos.moving) flags |= FLG_MV;
  if (pos.lat < 0) flags |= FLG_LAHS;
  if (pos.lon < 0) flags |= FLG_LOHS;
  if (altitude !== undefined) flags |= FLG_ALTE;
  let spd = clamp(pos.speed * 10, 0x3fff);
  if (course & 0x100) spd |= SPD_DIRH;
  if (altitude !== undefined && altitude < 0) spd |= SPD_ALTS;
  view.setUint32(offset, Math.max(0, Math.floor((pos.time - EGTS_EPOCH_MS) / 1000)), true);
  view.setUint32(offset + 4, clamp((Math.abs(pos.lat) / 90) * UINT32_MAX, UINT32_MAX), true);
  view.setUint32(offset + 8, clamp((Math.abs(pos.lon) / 180) * UINT32_MAX, UINT32_MAX), true);
  view.setUint8(offset + 12, flags);
  view.setUint16(offset + 13, spd, true);
  view.setUint8(offset + 15, course & 0xff);
  setUint24(view, offset + 16, clamp((pos.odometer ?? 0) * 10, 0xffffff));
  view.setUint8(offset + 19, (pos.digitalInputs ?? 0) & 0xff);
  view.setUint8(offset + 20, (pos.source ?? 0) & 0xff);
  let at = offset + SR_POS_DATA_MIN_LENGTH;
  if (altitude !== undefined) {
    setUint24(view, at, clamp(Math.abs(altitude), 0xffffff));
    at += 3;
  }
  if (pos.sourceData !== undefined) {
    view.setUint16(at, pos.sourceData & 0xffff, true);
    at += 2;
  }
  return at;
}
