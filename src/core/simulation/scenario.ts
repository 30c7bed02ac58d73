/**
 * A what-if scenario, as the engine takes it once validated (parse-scenario.ts checks the text): a crossing's lanes
 * and service times, who arrives and when, the backlog already there, how long papers take to complete, how many
 * loads are illicit, and the inspection policies to compare.
 */
import type { OperatingHours } from '../model/places.js';
import type { Channel } from '../queue/index.js';
import type { ArrivalProcess } from './arrivals.js';
import type { Distribution } from './distributions.js';

/** How a smuggler hides an illicit load, which decides what the risk rules can see of it. */
export const ILLICIT_TACTICS = ['undervalued', 'unidentified-recipient', 'seal-tampered', 'concealed'] as const;
export type IllicitTactic = (typeof ILLICIT_TACTICS)[number];

export type InspectionPolicy =
  /** Nobody inspected: every truck released on its papers (green). */
  | { kind: 'none'; name: string }
  /** Every truck physically inspected (red). */
  | { kind: 'all'; name: string }
  /** A random share inspected, the rest released. */
  | { kind: 'random'; name: string; share: number }
  /** The channel the production risk rules give, random selection included. */
  | { kind: 'risk'; name: string }
  /**
   * E-sealed trucks whose seal reported nothing go green, and to the green lanes; the rest as `risk`. A seal alert
   * makes the rules send the truck red whatever the policy.
   */
  | { kind: 'eseal-green-lane'; name: string };

export interface ScenarioLane {
  id: string;
  channels: readonly Channel[];
}

export interface Scenario {
  name: string;
  description: string;
  /** The crossing's code (src/core/reference), for the queue and the reports. */
  crossing: string;
  /** Epoch ms of the simulated clock's start. */
  start: number;
  /** Trucks arrive during this long after the start (the backlog was there before). */
  arrivalHours: number;
  /** The run stops here even if trucks still wait. */
  horizonHours: number;
  /** Statistics count from here on (steady-state runs); 0 for a backlog run. */
  warmupHours: number;
  /** How often the queue length is sampled for the charts. */
  sampleMinutes: number;
  operatingHours: OperatingHours | null;
  lanes: readonly ScenarioLane[];
  service: Readonly<Record<Channel, Distribution>>;
  arrivals: ArrivalProcess;
  backlog: {
    trucks: number;
    /** The backlog's trucks arrived evenly over this many hours before the start. */
    builtOverHours: number;
  };
  /** Backlog trucks released an hour at most (the queue's release rate); null for no limit. */
  releasePerHour: number | null;
  papers: {
    /** Share of trucks arriving with an incomplete declaration or an unidentified recipient. */
    incompleteShare: number;
    /** How long after arrival the papers are complete. */
    completion: Distribution;
  };
  trucks: { eSealedShare: number; perishableShare: number; trustedTraderShare: number };
  illicit: { share: number; tactics: Readonly<Record<IllicitTactic, number>> };
  policies: readonly InspectionPolicy[];
}
