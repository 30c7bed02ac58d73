import { describe, expect, it } from 'vitest';
import { hex, viewOf } from '../test-support.js';
import { decodeTermIdentity, isKnownIdentifier, termIdentityLength, writeTermIdentity, type TermIdentity } from './term-identity.js';

function decode(bytes: Uint8Array): TermIdentity | undefined {
  return decodeTermIdentity(bytes, viewOf(bytes), 0, bytes.length);
}

describe('EGTS_SR_TERM_IDENTITY', () => {
  it('reads the identity of the published validator sample (TID, IMEI, IMSI, buffer size, MSISDN)', () => {
    const srd = hex(`d2040000 c6 613233343536373839303132333462 63323334353637383930313233343564
      0010 653233343536373839303132333466`);
    expect(decode(srd)).toEqual({
      terminalId: 1234, imei: 'a2345678901234b', imsi: 'c23456789012345d', bufferSize: 4096,
      msisdn: 'e2345678901234f', simpleServices: false,
    });
  });

  it('refuses an identity shorter than its flags announce', () => {
    expect(decode(hex('d2040000 02 3335'))).toBeUndefined();
    expect(decode(hex('d20400'))).toBeUndefined();
  });

  it('round-trips every optional field', () => {
    const identity: TermIdentity = {
      terminalId: 0xfffffffe, homeDispatcherId: 77, imei: '356307042441013', imsi: '250011234567890',
      languageCode: 'rus', networkId: (250 << 10) | 1, bufferSize: 2048, msisdn: '79161234567', simpleServices: true,
    };
    const bytes = new Uint8Array(termIdentityLength(identity));
    expect(writeTermIdentity(viewOf(bytes), 0, identity)).toBe(bytes.length);
    expect(decode(bytes)).toEqual(identity);
  });

  it('treats the all-zero filler as an unknown identifier', () => {
    expect(isKnownIdentifier('000000000000000')).toBe(false);
    expect(isKnownIdentifier('')).toBe(false);
    expect(isKnownIdentifier(undefined)).toBe(false);
    expect(isKnownIdentifier('356307042441013')).toBe(true);
  });
});
