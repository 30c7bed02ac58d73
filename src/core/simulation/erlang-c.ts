/**
 * The M/M/c queue's steady state by the Erlang C formula: Poisson arrivals at rate λ, c identical servers with
 * exponential service at rate μ each, first come first served. What the simulator is validated against.
 */

export interface MMcSteadyState {
  /** Offered load per server, ρ = λ / (c μ); the queue is stable only below 1. */
  utilisation: number;
  /** Probability that an arriving customer waits (Erlang C). */
  probabilityOfWaiting: number;
  /** Mean wait in the queue, in the unit of 1/λ. */
  meanWait: number;
  /** Mean number waiting in the queue (Little's law: λ · meanWait). */
  meanQueueLength: number;
}

export function erlangC(arrivalRate: number, serviceRate: number, servers: number): MMcSteadyState {
  if (!(arrivalRate > 0) || !(serviceRate > 0) || !Number.isInteger(servers) || servers < 1) {
    throw new RangeError('erlangC needs positive rates and a whole number of servers, 1 or more');
  }
  const offered = arrivalRate / serviceRate;
  const utilisation = offered / servers;
  if (utilisation >= 1) throw new RangeError(`the queue is unstable at utilisation ${utilisation}`);
  // Σ_{k<c} a^k/k! and a^c/c!, built term by term so no factorial overflows.
  let term = 1;
  let sum = 0;
  for (let k = 0; k < servers; k++) {
    sum += term;
    term *= offered / (k + 1);
  }
  const last = term / (1 - utilisation);
  const probabilityOfWaiting = last / (sum + last);
  const meanWait = probabilityOfWaiting / (servers * serviceRate - arrivalRate);
  return { utilisation, probabilityOfWaiting, meanWait, meanQueueLength: arrivalRate * meanWait };
}
