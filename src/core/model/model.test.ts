import { describe, expect, it } from 'vitest';
import type { SealDevice } from './index.js';

// The model's types are derived from its schemas; this pins that the derivation keeps literal unions
// (the type check of `npm test` fails if it widens them to string).
describe('schema-derived types', () => {
  it('reject a protocol outside the list at compile time', () => {
    // @ts-expect-error 'smoke-signals' is not a seal protocol
    const device: SealDevice = { id: 'x', protocol: 'smoke-signals', state: 'available' };
    expect(device.protocol).toBe('smoke-signals');
  });
});
