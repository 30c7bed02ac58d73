import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import type { Position } from '../model/index.js';
import { forwardedPosition, receivedPosition } from './forwarded-positions.js';
import { BODY_SCHEMAS } from './schemas.js';

const position: Position = {
  deviceId: '356307042441013',
  deviceTime: Date.UTC(2026, 2, 1, 10, 0, 0),
  receivedTime: Date.UTC(2026, 2, 1, 10, 0, 2),
  lat: 43.1,
  lon: 74.7,
  speed: 61.5,
  course: 12,
  valid: true,
  sequence: 77,
  attributes: { io240: 1, 'osmand:lock': 1 },
  seal: { locked: false, tamper: true, batteryPercent: 80, batteryVolts: 4.1 },
};

describe('forwarded positions', () => {
  it('carry what the next tracker needs, fit the message schema, and come back as the same fix received there', () => {
    const forwarded = forwardedPosition(position);
    expect(Compile(BODY_SCHEMAS.positions).Check({ transitId: 'T-1', positions: [forwarded] })).toBe(true);
    const back = receivedPosition(JSON.parse(JSON.stringify(forwarded)), Date.UTC(2026, 2, 1, 10, 5));
    // The key a resend is known by (device, device time, sequence) and the seal's state survive; raw attributes stay home.
    expect(back).toEqual({ ...position, receivedTime: Date.UTC(2026, 2, 1, 10, 5), attributes: {}, seal: { locked: false, tamper: true, batteryPercent: 80 } });
  });
});
