/** Conditions on the trip: what the tracker raised since the seals were armed. */
import { bounds, put, truth, type CompiledCondition } from './compiled-condition.js';
import type { Comparison } from './conditions.js';
import { UNKNOWN } from './facts.js';
import { TRIP_ALERT_TYPES, type TripAlertType } from './risk-context.js';

export function compileTripAlerts(spec: { types: TripAlertType[] } & Comparison): CompiledCondition {
  const types = spec.types;
  const indices = Int32Array.from(types, (type) => TRIP_ALERT_TYPES.indexOf(type));
  const [low, high] = bounds(spec);
  const total = (counts: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < indices.length; i++) sum += counts[indices[i]!]!;
    return sum;
  };
  return {
    test(facts) {
      const counts = facts.alerts();
      if (counts === undefined) return UNKNOWN;
      const sum = total(counts);
      return truth(sum >= low && sum <= high);
    },
    observe(facts, inputs) {
      const counts = facts.alerts();
      if (counts === undefined) return;
      put(inputs, 'alerts', total(counts));
      const listed: string[] = [];
      for (let i = 0; i < types.length; i++) if (counts[indices[i]!]! > 0) listed.push(`${types[i]} ${counts[indices[i]!]!}`);
      put(inputs, 'alertTypes', listed.length === 0 ? 'none' : listed.join(', '));
    },
  };
}
