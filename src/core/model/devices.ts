/** Navigation seals: GPS trackers with an electronic lock on the cargo doors. */

export const SEAL_PROTOCOLS = ['teltonika', 'wialon', 'egts', 'osmand', 'mqtt'] as const;
export type SealProtocol = (typeof SEAL_PROTOCOLS)[number];

export const SEAL_DEVICE_STATES = ['available', 'armed', 'faulty', 'retired'] as const;
export type SealDeviceState = (typeof SEAL_DEVICE_STATES)[number];

export interface SealDevice {
  /** IMEI or the identifier the device announces itself with. */
  id: string;
  protocol: SealProtocol;
  /** Device model, which selects how its IO elements map to seal state. */
  model?: string;
  state: SealDeviceState;
}
