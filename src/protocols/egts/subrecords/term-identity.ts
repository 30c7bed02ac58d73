/**
 * EGTS_SR_TERM_IDENTITY (authentication service, subrecord 1): who the terminal is (GOST 33465-2015, 6.7.2.2).
 *
 *   TID(4) FLG(1: MNE 7, BSE 6, NIDE 5, SSRA 4, LNGCE 3, IMSIE 2, IMEIE 1, HDIDE 0)
 *   [HDID(2)] [IMEI(15)] [IMSI(16)] [LNGC(3)] [NID(3)] [BS(2)] [MSISDN(15)]
 *
 * A terminal that cannot tell its IMEI, IMSI or MSISDN fills the field with '0' characters; TID 0 means the
 * terminal has not been configured by the operator.
 */

const HDIDE = 0x01;
const IMEIE = 0x02;
const IMSIE = 0x04;
const LNGCE = 0x08;
const SSRA = 0x10;
const NIDE = 0x20;
const BSE = 0x40;
const MNE = 0x80;

export const IMEI_LENGTH = 15;
export const IMSI_LENGTH = 16;
export const LNGC_LENGTH = 3;
export const NID_LENGTH = 3;
export const MSISDN_LENGTH = 15;

export interface TermIdentity {
  /** Terminal identifier assigned by the operator; 0 when not configured. */
  terminalId: number;
  homeDispatcherId?: number;
  imei?: string;
  imsi?: string;
  /** Preferred language, such as `rus`. */
  languageCode?: string;
  /** Network identifier: MCC in bits 10-19, MNC in bits 0-9. */
  networkId?: number;
  /** Largest packet the terminal can receive, bytes. */
  bufferSize?: number;
  msisdn?: string;
  /** The terminal uses the "simple" service algorithm (all services at once) rather than requests. */
  simpleServices: boolean;
}

/** Text fields are digits or Latin letters; NUL padding and surrounding spaces are not part of the value. */
function readText(bytes: Uint8Array, start: number, length: number): string {
  let end = start + length;
  while (end > start && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20)) end--;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

export function decodeTermIdentity(bytes: Uint8Array, view: DataView, start: number, end: number): TermIdentity | undefined {
  if (end - start < 5) return undefined;
  const flags = bytes[start + 4]!;
  const needed = 5 + (flags & HDIDE ? 2 : 0) + (flags & IMEIE ? IMEI_LENGTH : 0) + (flags & IMSIE ? IMSI_LENGTH : 0)
    + (flags & LNGCE ? LNGC_LENGTH : 0) + (flags & NIDE ? NID_LENGTH : 0) + (flags & BSE ? 2 : 0)
    + (flags & MNE ? MSISDN_LENGTH : 0);
  if (end - start < needed) return undefined;
  const identity: TermIdentity = { terminalId: view.getUint32(start, true), simpleServices: (flags & SSRA) !== 0 };
  let at = start + 5;
  if (flags & HDIDE) { identity.homeDispatcherId = view.getUint16(at, true); at += 2; }
  if (flags & IMEIE) { identity.imei = readText(bytes, at, IMEI_LENGTH); at += IMEI_LENGTH; }
  if (flags & IMSIE) { identity.imsi = readText(bytes, at, IMSI_LENGTH); at += IMSI_LENGTH; }
  if (flags & LNGCE) { identity.languageCode = readText(bytes, at, LNGC_LENGTH); at += LNGC_LENGTH; }
  if (flags & NIDE) { identity.networkId = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16); at += NID_LENGTH; }
  if (flags & BSE) { identity.bufferSize = view.getUint16(at, true); at += 2; }
  if (flags & MNE) identity.msisdn = readText(bytes, at, MSISDN_LENGTH);
  return identity;
}

/** True when a text identifier carries information: present, and not the all-'0' filler of an unknown value. */
export function isKnownIdentifier(value: string | undefined): value is string {
  return value !== undefined && value.length > 0 && !/^0+$/.test(value);
}

export function termIdentityLength(identity: TermIdentity): number {
  return 5 + (identity.homeDispatcherId !== undefined ? 2 : 0) + (identity.imei !== undefined ? IMEI_LENGTH : 0)
    + (identity.imsi !== undefined ? IMSI_LENGTH : 0) + (identity.languageCode !== undefined ? LNGC_LENGTH : 0)
    + (identity.networkId !== undefined ? NID_LENGTH : 0) + (identity.bufferSize !== undefined ? 2 : 0)
    + (identity.msisdn !== undefined ? MSISDN_LENGTH : 0);
}

function writeText(view: DataView, offset: number, text: string, length: number): number {
  for (let i = 0; i < length; i++) view.setUint8(offset + i, i < text.length ? text.charCodeAt(i) & 0xff : 0);
  return offset + length;
}

export function writeTermIdentity(view: DataView, offset: number, identity: TermIdentity): number {
  let flags = identity.simpleServices ? SSRA : 0;
  view.setUint32(offset, identity.terminalId >>> 0, true);
  let at = offset + 5;
  if (identity.homeDispatcherId !== undefined) { flags |= HDIDE; view.setUint16(at, identity.homeDispatcherId, true); at += 2; }
  if (identity.imei !== undefined) { flags |= IMEIE; at = writeText(view, at, identity.imei, IMEI_LENGTH); }
  if (identity.imsi !== undefined) { flags |= IMSIE; at = writeText(view, at, identity.imsi, IMSI_LENGTH); }
  if (identity.languageCode !== undefined) { flags |= LNGCE; at = writeText(view, at, identity.languageCode, LNGC_LENGTH); }
  if (identity.networkId !== undefined) {
    flags |= NIDE;
    view.setUint8(at, identity.networkId & 0xff);
    view.setUint8(at + 1, (identity.networkId >>> 8) & 0xff);
    view.setUint8(at + 2, (identity.networkId >>> 16) & 0xff);
    at += NID_LENGTH;
  }
  if (identity.bufferSize !== undefined) { flags |= BSE; view.setUint16(at, identity.bufferSize, true); at += 2; }
  if (identity.msisdn !== undefined) { flags |= MNE; at = writeText(view, at, identity.msisdn, MSISDN_LENGTH); }
  view.setUint8(offset + 4, flags);
  return at;
}
