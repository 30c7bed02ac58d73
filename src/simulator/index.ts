/** The fleet simulator: virtual sealed trucks speaking the real device protocols to a gateway. */
export {
  fleetRegistrations, runFleetSimulation,
  type DeviceRegistration, type FleetSimulation, type FleetSimulationResult,
} from './run.js';
export type { FleetSimulationOptions, GatewayEndpoints, SimulationProgress } from './options.js';
export type { SimulationStats, ProtocolStats } from './stats.js';
export { DEFAULT_PROTOCOL_WEIGHTS, type ProtocolWeights } from './devices.js';
