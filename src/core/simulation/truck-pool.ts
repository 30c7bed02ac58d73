/**
 * Synthetic declarations for the simulated trucks, assessed by the production risk rules: a pool of licit
 * declarations and one of illicit ones, each illicit load hidden by a tactic that leaves the traces a smuggler's
 * would (undervalued goods, a recipient without a taxpayer number, a seal opened on the way) or none at all.
 * Whether the rules catch it is then the rules' own doing, not the simulator's.
 *
 * Each declaration is assessed once with the seal's trip summary (an e-sealed truck) and once without (the trip
 * rules unknown), by `assess` itself; the random selection is applied per truck afterwards with the production
 * `selectRandomly` and the truck's own draw, so two trucks with the same declaration are selected independently.
 * A pool rather than a declaration per truck: a million declarations would cost more than the simulation.
 */
import { generateDemoFleet, generateDemoSet } from '../demo/index.js';
import type { DeclarationInput } from '../model/declaration.js';
import type { Rng } from '../random/index.js';
import { assess, type Channel, type CompiledRuleSet, type RiskContext, type TripSummary } from '../risk/index.js';
import { ILLICIT_TACTICS, type IllicitTactic } from './scenario.js';

export interface PooledDeclaration {
  reference: string;
  tactic: IllicitTactic | null;
  /** The rules' channel before random selection: without a seal's trip summary, and with one. */
  targeted: { unsealed: Channel; sealed: Channel };
}

export interface TruckPool {
  licit: readonly PooledDeclaration[];
  illicit: readonly PooledDeclaration[];
}

// Rough rates to the rule set's valuation currency (USD), for the demo data's invoice currencies.
const EXCHANGE_RATES: Readonly<Record<string, number>> = Object.freeze({ USD: 1, EUR: 1.09, CNY: 0.14 });
// assess() wants a draw; the pool keeps only the targeted channel, so this one decides nothing.
const UNUSED_DRAW = { value: 0.5, keyId: 'simulation', scheme: 'simulation-pool' };

function hide(rng: Rng, tactic: IllicitTactic, input: DeclarationInput): void {
  if (tactic === 'undervalued') {
    // The goods declared at a fifth to two-fifths of their worth, the invoice made to agree.
    const factor = 0.2 + rng.next() * 0.2;
    let cents = 0;
    for (const item of input.goods) {
      item.value = Math.round(item.value * factor * 100) / 100;
      cents += Math.round(item.value * 100);
    }
    const invoice = input.documents.find((d) => d.type === 'invoice');
    if (invoice !== undefined) invoice.amount = cents / 100;
  } else if (tactic === 'unidentified-recipient') {
    const { tin: _tin, ...consignee } = input.consignee;
    input.consignee = consignee;
  }
}

function tripOf(tactic: IllicitTactic | null): TripSummary {
  return { alerts: tactic === 'seal-tampered' ? { 'seal-opened': 1 } : {} };
}

function assessed(ruleSet: CompiledRuleSet, input: DeclarationInput, tactic: IllicitTactic | null, today: string): PooledDeclaration {
  const context: RiskContext = { today, checkIssues: [], parties: {}, valuation: { exchangeRates: EXCHANGE_RATES } };
  return {
    reference: input.reference,
    tactic,
    targeted: {
      unsealed: assess(ruleSet, input, context, UNUSED_DRAW).targetedChannel,
      sealed: assess(ruleSet, input, { ...context, trip: tripOf(tactic) }, UNUSED_DRAW).targetedChannel,
    },
  };
}

export function buildTruckPool(
  rng: Rng,
  ruleSet: CompiledRuleSet,
  options: { size: number; today: string; tactics: Readonly<Record<IllicitTactic, number>> },
): TruckPool {
  const fleet = generateDemoFleet(rng.fork('fleet'), 200);
  const context = { today: options.today, fleet, gapShare: 0.1 };
  const licit = generateDemoSet(rng.fork('licit'), options.size, { ...context, referencePrefix: 'SIM' }).map((d) =>
    assessed(ruleSet, d.input, null, options.today),
  );
  const tacticRng = rng.fork('tactics');
  const weights = ILLICIT_TACTICS.map((t) => [t, options.tactics[t]] as const);
  const illicit = generateDemoSet(rng.fork('illicit'), options.size, { ...context, referencePrefix: 'SIMX' }).map((d) => {
    const tactic = tacticRng.weighted(weights);
    hide(tacticRng, tactic, d.input);
    return assessed(ruleSet, d.input, tactic, options.today);
  });
  return { licit, illicit };
}
