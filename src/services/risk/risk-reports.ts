/**
 * How well targeting works: the effectiveness of the rules and channels in force against the random baseline, and
 * the backtest of a candidate rule set on the past inspections before it is put in force.
 */
import type { User } from '../../core/model/index.js';
import { backtest, effectiveness, type BacktestCase, type BacktestReport, type EffectivenessReport, type RiskRequirements } from '../../core/risk/index.js';
import type { Store } from '../../ports/store.js';
import type { AuthService } from '../auth-service.js';
import { drawOf } from './assessment-service.js';
import { declarationOutcomes, type DeclarationOutcome } from './outcomes.js';
import type { RiskContextSource } from './risk-context-source.js';
import type { RuleSetCatalogue } from './rule-set-catalogue.js';

/** Called as the cases of a backtest are gathered (the part that reads the store). */
export type BacktestProgress = (done: number, total: number) => void;

export class RiskReports {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly ruleSets: RuleSetCatalogue,
    private readonly contexts: RiskContextSource,
  ) {}

  async effectiveness(actor: User): Promise<EffectivenessReport> {
    this.auth.require(actor, 'risk:read');
    return effectiveness((await this.outcomes()).map(({ assessment, results }) => ({ assessment: assessment.assessment, results })));
  }

  /**
   * The candidate (YAML or JSON text) beside the set in force, on every assessed declaration: each replayed with its
   * recorded draw, check issues and trip alerts, and its parties' histories as they were when it was assessed.
   */
  async backtest(actor: User, candidateText: string, onProgress?: BacktestProgress): Promise<BacktestReport> {
    this.auth.require(actor, 'risk:read');
    const candidate = this.ruleSets.parse(candidateText);
    const current = (await this.ruleSets.inForce()).ruleSet;
    const requirements = unionOf(candidate.requirements, current.requirements);
    const outcomes = await this.outcomes();
    const cases: BacktestCase[] = [];
    for (const [index, { assessment, results }] of outcomes.entries()) {
      const declaration = await this.store.declarations.get(assessment.declarationId);
      if (declaration !== undefined) {
        const parties = await this.contexts.parties(declaration, requirements, assessment.assessment.today, assessment.at);
        cases.push({
          declaration,
          context: { ...assessment.context, parties },
          draw: drawOf(assessment),
          results,
          randomlySelected: assessment.assessment.randomlySelected,
        });
      }
      onProgress?.(index + 1, outcomes.length);
    }
    return backtest(cases, candidate, current);
  }

  private async outcomes(): Promise<DeclarationOutcome[]> {
    const [assessments, inspections] = await Promise.all([this.store.risk.assessments.all(), this.store.risk.inspections.all()]);
    return declarationOutcomes(assessments, inspections);
  }
}

/** What either rule set reads of the parties, so one context serves both. */
function unionOf(a: RiskRequirements, b: RiskRequirements): RiskRequirements {
  const historyWindows: RiskRequirements['historyWindows'] = { ...a.historyWindows };
  for (const [role, days] of Object.entries(b.historyWindows) as Array<[keyof RiskRequirements['historyWindows'], number[]]>) {
    historyWindows[role] = [...new Set([...(historyWindows[role] ?? []), ...days])].sort((x, y) => x - y);
  }
  return { ...a, historyWindows, firstSeen: [...new Set([...a.firstSeen, ...b.firstSeen])] };
}
