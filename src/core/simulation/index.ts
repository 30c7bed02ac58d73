/**
 * The what-if simulator: a discrete-event simulation of a crossing's queue under an inspection policy, driving the
 * production queue (src/core/queue) and risk rules (src/core/risk) on a simulated clock; its validation against the
 * M/M/c queue (erlang-c.ts), and confidence intervals by independent replications.
 */
export { arrivalsOf, type ArrivalProcess } from './arrivals.js';
export { contains, meanInterval, type MeanInterval } from './confidence.js';
export { meanMinutesOf, samplerOf, type Distribution } from './distributions.js';
export { simulate, type SimulationOptions, type SimulationRun, type TimeSeries } from './engine.js';
export { erlangC, type MMcSteadyState } from './erlang-c.js';
export { EventHeap, type ScheduledEvent } from './event-heap.js';
export { channelFor, needsRules } from './policies.js';
export { replicate, type ReplicatedEstimates } from './replications.js';
export { ILLICIT_TACTICS, type IllicitTactic, type InspectionPolicy, type Scenario, type ScenarioLane } from './scenario.js';
export { formatScenarioIssue, parseScenario, type ParsedScenario, type ScenarioIssue } from './parse-scenario.js';
export { recordedArrivalMinutes } from './recorded-arrivals.js';
export { reportOf, type SimulationReport } from './report.js';
export { expectedTrucks } from './scenario-size.js';
export { seedOf } from './seed.js';
export { COMPARISON_ROWS } from './comparison-rows.js';
