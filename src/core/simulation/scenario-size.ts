/**
 * How many trucks a scenario simulates: the backlog there at the start and the arrivals expected over its arrival
 * hours. A run's time grows with it, so whoever runs scenarios for others (the API) can bound the work asked of it.
 */
import type { Scenario } from './scenario.js';

export function expectedTrucks(scenario: Pick<Scenario, 'arrivals' | 'arrivalHours' | 'backlog'>): number {
  const { arrivals, arrivalHours, backlog } = scenario;
  if (arrivals.kind === 'replay') return backlog.trucks + arrivals.minutes.length;
  const rates = arrivals.ratePerHour;
  let arriving = 0;
  // A rate an hour, the list repeating (one rate for every hour, or one for each hour of the day).
  for (let hour = 0; hour < arrivalHours; hour++) arriving += rates[hour % rates.length]! * Math.min(1, arrivalHours - hour);
  return backlog.trucks + Math.round(arriving);
}
