import { describe, expect, it } from 'vitest';
import { sealMapState, SILENT_AFTER_MS, type SealReport } from './seal-state.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const fresh = new Date(NOW - 60_000).toISOString();
const report = (overrides: Partial<SealReport>): SealReport => ({ valid: true, receivedTime: fresh, seal: { locked: true }, ...overrides });

describe('a seal on the map', () => {
  it('is sealed while locked, fixed and heard from lately', () => {
    expect(sealMapState(report({}), NOW)).toBe('sealed');
  });

  it('puts an alarm before everything else', () => {
    expect(sealMapState(report({ valid: false, receivedTime: null, seal: { locked: false, tamper: true } }), NOW)).toBe('alarm');
    expect(sealMapState(report({ seal: { cableCut: true } }), NOW)).toBe('alarm');
  });

  it('is open when the lock reports open, but not when the device does not report a lock', () => {
    expect(sealMapState(report({ seal: { locked: false } }), NOW)).toBe('open');
    expect(sealMapState(report({ seal: {} }), NOW)).toBe('sealed');
    expect(sealMapState({ valid: true, receivedTime: fresh }, NOW)).toBe('sealed');
  });

  it('has no fix when the device says its fix is invalid', () => {
    expect(sealMapState(report({ valid: false }), NOW)).toBe('no_fix');
  });

  it('is silent once not heard from for longer than the limit, or never', () => {
    expect(sealMapState(report({ receivedTime: new Date(NOW - SILENT_AFTER_MS).toISOString() }), NOW)).toBe('sealed');
    expect(sealMapState(report({ receivedTime: new Date(NOW - SILENT_AFTER_MS - 1).toISOString() }), NOW)).toBe('silent');
    expect(sealMapState(report({ receivedTime: null }), NOW)).toBe('silent');
  });
});
