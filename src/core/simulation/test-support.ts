/** Scenarios for the simulator's tests. */
import type { Scenario } from './scenario.js';

export const T0 = Date.UTC(2025, 10, 20, 0, 0, 0);

/**
 * The M/M/c queue: Poisson arrivals at `load` × c × 6 an hour, c identical lanes with exponential service of mean
 * 10 minutes, every truck green with complete papers, nobody inspected.
 */
export function mmcScenario(lanes: number, load: number, hours: number, warmupHours: number): Scenario {
  const exponential = { kind: 'exponential', meanMinutes: 10 } as const;
  return {
    name: `M/M/${lanes} at ${load}`,
    description: '',
    crossing: 'TEST',
    start: T0,
    arrivalHours: hours,
    horizonHours: hours * 4,
    warmupHours,
    sampleMinutes: 60,
    operatingHours: null,
    lanes: Array.from({ length: lanes }, (_, i) => ({ id: `L${i + 1}`, channels: ['green', 'yellow', 'red'] as const })),
    service: { green: exponential, yellow: exponential, red: exponential },
    arrivals: { kind: 'poisson', ratePerHour: [load * lanes * 6] },
    backlog: { trucks: 0, builtOverHours: 0 },
    releasePerHour: null,
    papers: { incompleteShare: 0, completion: { kind: 'fixed', minutes: 0 } },
    trucks: { eSealedShare: 0, perishableShare: 0, trustedTraderShare: 0 },
    illicit: { share: 0, tactics: { undervalued: 1, 'unidentified-recipient': 0, 'seal-tampered': 0, concealed: 0 } },
    policies: [{ kind: 'none', name: 'none' }],
  };
}

/** A small rule set for the engine's tests: a missing recipient number or a seal alert sends a truck red. */
export const TEST_RULES = `
id: simulation-test
version: 1
channels: { yellow: 30, red: 60 }
random:
  green: { yellow: 0, red: 0.05 }
  yellow: { red: 0 }
rules:
  - id: consignee-tin-missing
    weight: 60
    explanation: The final recipient has no taxpayer number ({consigneeTinIssue}).
    when:
      tin: { of: consignee, missing: true }
  - id: seal-alert
    weight: 60
    explanation: The seal reported {alerts} alerts.
    when:
      tripAlerts: { types: [seal-opened], atLeast: 1 }
`;

/** A backlog of `trucks` at four lanes taking every channel in `minutes` each, nobody arriving after the start. */
export function backlogScenario(trucks: number, minutes: number, overrides: Partial<Scenario> = {}): Scenario {
  const fixed = { kind: 'fixed', minutes } as const;
  return {
    ...mmcScenario(4, 0.5, 0, 0),
    name: 'backlog',
    arrivals: { kind: 'poisson', ratePerHour: [0] },
    arrivalHours: 0,
    horizonHours: 24 * 30,
    service: { green: fixed, yellow: fixed, red: fixed },
    backlog: { trucks, builtOverHours: 48 },
    ...overrides,
  };
}
