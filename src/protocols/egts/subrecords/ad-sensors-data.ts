/**
 * EGTS_SR_AD_SENSORS_DATA (telematics service, subrecord 18): additional digital inputs, digital outputs and
 * analog sensors.
 *
 *   DIOE(1: which of the 8 additional input octets follow) DOUT(1: outputs 1-8) ASFE(1: which of 8 analog
 *   sensors follow) then ADIO1..8 (1 byte each, in bit order) then ANS1..8 (3 bytes each, in bit order)
 */

export interface AdSensorsData {
  /** Digital outputs 1-8, one bit each. */
  digitalOutputs: number;
  /** Additional digital input octets by number 1-8 (index 0 is octet 1); absent ones are undefined. */
  digitalInputOctets: (number | undefined)[];
  /** Analog sensor readings by number 1-8 (index 0 is sensor 1), raw 24-bit values. */
  analogInputs: (number | undefined)[];
}

export function decodeAdSensorsData(bytes: Uint8Array, start: number, end: number): AdSensorsData | undefined {
  if (end - start < 3) return undefined;
  const dioe = bytes[start]!;
  const asfe = bytes[start + 2]!;
  const data: AdSensorsData = { digitalOutputs: bytes[start + 1]!, digitalInputOctets: [], analogInputs: [] };
  let at = start + 3;
  for (let i = 0; i < 8; i++) {
    if (!(dioe & (1 << i))) continue;
    if (at + 1 > end) return undefined;
    data.digitalInputOctets[i] = bytes[at]!;
    at += 1;
  }
  for (let i = 0; i < 8; i++) {
    if (!(asfe & (1 << i))) continue;
    if (at + 3 > end) return undefined;
    data.analogInputs[i] = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    at += 3;
  }
  return data;
}

function countPresent(values: readonly (number | undefined)[]): number {
  let n = 0;
  for (let i = 0; i < 8; i++) if (values[i] !== undefined) n++;
  return n;
}

export function adSensorsDataLength(data: AdSensorsData): number {
  return 3 + countPresent(data.digitalInputOctets) + 3 * countPresent(data.analogInputs);
}

export function writeAdSensorsData(view: DataView, offset: number, data: AdSensorsData): number {
  let dioe = 0;
  let asfe = 0;
  let at = offset + 3;
  for (let i = 0; i < 8; i++) {
    const octet = data.digitalInputOctets[i];
    if (octet === undefined) continue;
    dioe |= 1 << i;
    view.setUint8(at, octet & 0xff);
    at += 1;
  }
  for (let i = 0; i < 8; i++) {
    const value = data.analogInputs[i];
    if (value === undefined) continue;
    asfe |= 1 << i;
    view.setUint8(at, value & 0xff);
    view.setUint8(at + 1, (value >>> 8) & 0xff);
    view.setUint8(at + 2, (value >>> 16) & 0xff);
    at += 3;
  }
  view.setUint8(offset, dioe);
  view.setUint8(offset + 1, data.digitalOutputs & 0xff);
  view.setUint8(offset + 2, asfe);
  return at;
}
