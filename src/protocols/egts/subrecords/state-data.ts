/**
 * EGTS_SR_STATE_DATA (telematics service, subrecord 20 in Order 285): the terminal's state and power.
 *
 *   ST(1) MPSV(1) BBV(1) IBV(1) FLG(1: NMS 2, IBU 1, BBU 0)
 *
 * Voltages travel in 0.1 V. ST: 0 idle, 1 ERA-GLONASS, 2 active, 3 emergency call, 4 emergency tracking,
 * 5 testing, 6 service, 7 firmware update.
 */

export const SR_STATE_DATA_LENGTH = 5;

const BBU = 0x01;
const IBU = 0x02;
const NMS = 0x04;

export interface StateData {
  state: number;
  /** Main power source, volts. */
  mainPowerVolts: number;
  /** Backup battery, volts. */
  backupBatteryVolts: number;
  /** Internal battery, volts. */
  internalBatteryVolts: number;
  /** Running on the backup battery. */
  backupBatteryUsed: boolean;
  /** Running on the internal battery. */
  internalBatteryUsed: boolean;
  /** The navigation module is on. */
  navigationModuleOn: boolean;
}

export function decodeStateData(bytes: Uint8Array, start: number, end: number): StateData | undefined {
  if (end - start < SR_STATE_DATA_LENGTH) return undefined;
  const flags = bytes[start + 4]!;
  return {
    state: bytes[start]!,
    mainPowerVolts: bytes[start + 1]! / 10,
    backupBatteryVolts: bytes[start + 2]! / 10,
    internalBatteryVolts: bytes[start + 3]! / 10,
    backupBatteryUsed: (flags & BBU) !== 0,
    internalBatteryUsed: (flags & IBU) !== 0,
    navigationModuleOn: (flags & NMS) !== 0,
  };
}

const decivolts = (volts: number): number => Math.min(255, Math.max(0, Math.round(volts * 10)));

export function writeStateData(view: DataView, offset: number, data: StateData): number {
  view.setUint8(offset, data.state & 0xff);
  view.setUint8(offset + 1, decivolts(data.mainPowerVolts));
  view.setUint8(offset + 2, decivolts(data.backupBatteryVolts));
  view.setUint8(offset + 3, decivolts(data.internalBatteryVolts));
  view.setUint8(offset + 4,
    (data.backupBatteryUsed ? BBU : 0) | (data.internalBatteryUsed ? IBU : 0) | (data.navigationModuleOn ? NMS : 0));
  return offset + SR_STATE_DATA_LENGTH;
}
