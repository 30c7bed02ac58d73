import { describe, expect, it } from 'vitest';
import { hex, viewOf } from '../test-support.js';
import { decodeStateData, SR_STATE_DATA_LENGTH, writeStateData, type StateData } from './state-data.js';

describe('EGTS_SR_STATE_DATA', () => {
  it('reads state, voltages in 0.1 V and power flags', () => {
    expect(decodeStateData(hex('02 8a 25 29 05'), 0, 5)).toEqual({
      state: 2, mainPowerVolts: 13.8, backupBatteryVolts: 3.7, internalBatteryVolts: 4.1,
      backupBatteryUsed: true, internalBatteryUsed: false, navigationModuleOn: true,
    });
    expect(decodeStateData(hex('02 8a 25 29'), 0, 4)).toBeUndefined();
  });

  it('round-trips', () => {
    const state: StateData = {
      state: 4, mainPowerVolts: 0, backupBatteryVolts: 12.5, internalBatteryVolts: 3.9,
      backupBatteryUsed: false, internalBatteryUsed: true, navigationModuleOn: false,
    };
    const bytes = new Uint8Array(SR_STATE_DATA_LENGTH);
    writeStateData(viewOf(bytes), 0, state);
    expect(decodeStateData(bytes, 0, bytes.length)).toEqual(state);
  });
});
