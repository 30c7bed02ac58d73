/** The channel an inspection policy gives a simulated truck. */
import type { Channel } from '../queue/index.js';
import { selectRandomly, type RuleSetDefinition } from '../risk/index.js';
import type { InspectionPolicy } from './scenario.js';
import type { PooledDeclaration } from './truck-pool.js';

export interface PolicyTruck {
  eSealed: boolean;
  /** The truck's declaration, when the policy needs the rules (see needsRules). */
  declaration: PooledDeclaration | null;
  /** The truck's own uniform draw in [0, 1): random share and random selection. */
  draw: number;
}

export function needsRules(policy: InspectionPolicy): boolean {
  return policy.kind === 'risk' || policy.kind === 'eseal-green-lane';
}

export function channelFor(policy: InspectionPolicy, truck: PolicyTruck, random: RuleSetDefinition['random'] | null): Channel {
  switch (policy.kind) {
    case 'none':
      return 'green';
    case 'all':
      return 'red';
    case 'random':
      return truck.draw < policy.share ? 'red' : 'green';
    case 'risk':
    case 'eseal-green-lane': {
      const declaration = truck.declaration;
      if (declaration === null || random === null) throw new Error(`policy ${policy.name} needs the risk rules`);
      const targeted = truck.eSealed ? declaration.targeted.sealed : declaration.targeted.unsealed;
      // The pilot's promise: a sealed truck whose seal reported nothing crosses without a check.
      if (policy.kind === 'eseal-green-lane' && truck.eSealed) return targeted === 'red' ? 'red' : 'green';
      return selectRandomly(targeted, random, truck.draw).channel;
    }
  }
}
