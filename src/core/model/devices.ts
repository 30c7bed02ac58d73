/** Navigation seals: GPS trackers with an electronic lock on the cargo doors. */
import Type from 'typebox';
import { Code } from './text.js';

export const SEAL_PROTOCOLS = ['teltonika', 'wialon', 'egts', 'osmand', 'mqtt'] as const;
export type SealProtocol = (typeof SEAL_PROTOCOLS)[number];

export const SEAL_DEVICE_STATES = ['available', 'armed', 'faulty', 'retired'] as const;
export type SealDeviceState = (typeof SEAL_DEVICE_STATES)[number];

export const SealDeviceSchema = Type.Object(
  {
    /** IMEI or the identifier the device announces itself with. */
    id: Code(),
    protocol: Type.Enum(SEAL_PROTOCOLS),
    /** Device model, which selects how its IO elements map to seal state. */
    model: Type.Optional(Code()),
    state: Type.Enum(SEAL_DEVICE_STATES),
  },
  { additionalProperties: false },
);
export type SealDevice = Type.Static<typeof SealDeviceSchema>;
