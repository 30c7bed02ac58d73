/** Shared makings of the queue's tests: a small crossing, trucks, and a driver that runs lanes like the simulator will. */
import { applyCommand } from './commands.js';
import type { Channel } from './channel.js';
import type { PriorityFacts } from './priority-class.js';
import type { LaneConfig, QueueConfig } from './queue-config.js';
import { DEFAULT_HEAD_STARTS } from './ageing.js';
import { createQueue, type QueueState } from './state.js';
import type { CheckInCommand } from './entering.js';
import type { CommandResult } from './commands.js';

export const T0 = Date.UTC(2026, 4, 4, 6, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

export const READY: PriorityFacts = Object.freeze({
  perishable: false,
  trustedTrader: false,
  eSealed: false,
  declarationComplete: true,
  recipientIdentified: true,
});

export function lane(id: string, green: number, yellow = green, red = green): LaneConfig {
  return { id, capacityPerHour: { green, yellow, red } };
}

export function testConfig(overrides: Partial<QueueConfig> = {}): QueueConfig {
  return {
    crossing: 'TEST',
    lanes: [lane('L1', 6)],
    operatingHours: null,
    headStarts: DEFAULT_HEAD_STARTS,
    noShow: { timeoutMs: 15 * MINUTE, moveBackBy: 2, dropAfter: 3 },
    bookingGraceMs: 30 * MINUTE,
    backlog: { ratePerHour: null, burst: 1 },
    accuracyWindow: 1000,
    flowTimeConstantMs: HOUR,
    ...overrides,
  };
}

export function testQueue(overrides: Partial<QueueConfig> = {}, at = T0): QueueState {
  const created = createQueue(testConfig(overrides), at);
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  return created.state;
}

export function checkInCommand(n: number, at: number, options: { facts?: Partial<PriorityFacts>; channel?: Channel; route?: 'geofence' | 'staff' } = {}): CheckInCommand {
  return {
    kind: 'check_in',
    at,
    by: options.route ?? 'staff',
    route: options.route ?? 'staff',
    truck: { plate: `${String(n).padStart(3, '0')}ABC`, country: 'KZ' },
    declarationId: `D${n}`,
    channel: options.channel ?? 'green',
    facts: { ...READY, ...options.facts },
    lookupCode: `code-${n}`,
  };
}

/** Applies a command and fails the test on a refusal. */
export function must(state: QueueState, result: CommandResult): CommandResult & { ok: true } {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} (version ${state.version})`);
  return result;
}

export function apply(state: QueueState, command: Parameters<typeof applyCommand>[1]): CommandResult & { ok: true } {
  return must(state, applyCommand(state, command));
}

/** Calls on `lane` at `at` with the version as it is; the called entry's id, or the refusal code. */
export function call(state: QueueState, laneId: string, at: number, serviceMs?: number): string {
  const result = applyCommand(state, {
    kind: 'call_next',
    lane: laneId,
    at,
    by: 'officer',
    expectedVersion: state.version,
    ...(serviceMs === undefined ? {} : { serviceMs }),
  });
  return result.ok ? (result as unknown as { entry: { id: string } }).entry.id : result.error.code;
}
