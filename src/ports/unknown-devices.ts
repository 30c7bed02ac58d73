/**
 * Devices refused because they are not registered, kept in the store for an operator to register (or to look
 * into): one row per device and protocol with its attempts, first and last refusal, and the address it last came
 * from. Times are epoch milliseconds.
 */
import type { SealProtocol } from '../core/model/index.js';

export interface UnknownDevice {
  deviceId: string;
  protocol: SealProtocol;
  remote: string;
  attempts: number;
  firstSeen: number;
  lastSeen: number;
}

export interface UnknownDeviceRepository {
  /**
   * Adds refusals to the list, each summing a device's attempts on one protocol since the last call: attempts add
   * up, the first sighting stays the earliest and the address follows the latest. Then keeps only the `keep` most
   * recently seen, so that a flood of made-up identifiers cannot grow the list without bound.
   */
  record(refusals: readonly UnknownDevice[], keep: number): Promise<void>;
  /** The list, most recently seen first, without the devices registered for that protocol since. */
  list(): Promise<UnknownDevice[]>;
}
