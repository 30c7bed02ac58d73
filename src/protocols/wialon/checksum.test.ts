import { describe, expect, it } from 'vitest';
import { checkBody, checksumText } from './checksum.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Body start (after `#TYPE#`) and end (before CR LF) of a packet line. */
function check(line: string, separator: ';' | '|') {
  const bytes = ascii(line);
  const bodyStart = line.indexOf('#', 1) + 1;
  return checkBody(bytes, bodyStart, bytes.length, separator.charCodeAt(0));
}

// Packets captured from devices and clients that Wialon servers accepted: they pin which bytes the
// checksum covers (after `#TYPE#`, through the last separator) and its algorithm (CRC-16/ARC).
const CAPTURED: [string, ';' | '|'][] = [
  ['#L#2.0;355217044956192;NA;E335', ';'],
  ['#L#2.0;860000000000000;NA;46D4', ';'],
  ['#L#2.0;868204002602414;NA;8E08', ';'],
  ['#D#010125;112233;5128.199596;N;00000.122544;E;0;0;0;0;0;0;NA;;NA;example1:1:0,example2:2:0.12,example3:1:123;72D3', ';'],
  ['#B#231117;214323;5730.9016;N;05306.8536;E;0;174;182;18;NA;NA;NA;;NA;tamper_1:1:0|B16A', '|'],
];

describe('Wialon IPS 2.0 checksum', () => {
  for (const [line, separator] of CAPTURED) {
    it(`verifies ${line.slice(0, 24)}…`, () => {
      const result = check(line, separator);
      expect(result?.valid).toBe(true);
      expect(line.slice(0, result!.contentEnd)).toBe(line.slice(0, line.lastIndexOf(separator)));
    });
  }

  it('accepts lowercase and unpadded hexadecimal', () => {
    expect(check('#L#2.0;355217044956192;NA;e335', ';')?.valid).toBe(true);
    const body = '2.0;1;NA;';
    const crc = parseInt(checksumText(ascii(body)), 16).toString(16);
    expect(check(`#L#${body}${crc}`, ';')?.valid).toBe(true);
  });

  it('rejects a changed byte and a malformed checksum field', () => {
    expect(check('#L#2.0;355217044956193;NA;E335', ';')?.valid).toBe(false);
    expect(check('#L#2.0;355217044956192;NA;E33G', ';')).toBeUndefined();
    expect(check('#L#2.0;355217044956192;NA;E3355', ';')).toBeUndefined();
    expect(check('#L#2.0;355217044956192;NA;', ';')).toBeUndefined();
    expect(check('#P#', ';')).toBeUndefined();
  });

  it('writes four uppercase digits', () => {
    expect(checksumText(ascii('2.0;355217044956192;NA;'))).toBe('E335');
  });
});
