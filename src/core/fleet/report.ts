/** One report of a simulated seal: a fix, the seal's state, and when the device gets to send it. */
import type { SealEvent, SealReading } from './seal-timeline.js';

export type ReportEvent = 'armed' | SealEvent;

export interface FleetReport {
  truckId: string;
  deviceId: string;
  /** The device's own counter, from 1, in fix order. */
  sequence: number;
  /** Fix time, whole seconds, milliseconds since the Unix epoch. */
  time: number;
  /** When the device sends it: `time`, or the end of a signal loss for a fix it had to store. */
  sendAt: number;
  /** Stored during a signal loss and sent late: protocols that can say so send it as black-box / history data. */
  buffered: boolean;
  /** Degrees, rounded to 1e-6 (about 0.1 m), with a few metres of GPS noise. */
  lat: number;
  lon: number;
  /** Whole km/h. */
  speed: number;
  /** Whole degrees clockwise from north, 0–359. */
  course: number;
  satellites: number;
  seal: SealReading;
  /** Why the report was sent out of its schedule. */
  event?: ReportEvent;
}
