/**
 * Assessments of declarations: on demand, on acceptance, and again when the trip raises an alert of consequence.
 * The first assessment draws from the keyed hash of the reference; every later one keeps that draw, so re-assessing
 * can change the decision only through the rules.
 */
import { CHANNELS, type Channel } from '../../core/model/channel.js';
import type { Declaration, User } from '../../core/model/index.js';
import { assess, drawFor, TRIP_ALERT_TYPES, type RandomDraw, type SelectionKey } from '../../core/risk/index.js';
import type { Clock } from '../../ports/clock.js';
import type { AssessmentTrigger, StoredAssessment } from '../../ports/risk-store.js';
import type { Store } from '../../ports/store.js';
import type { HandledMark } from '../../ports/tracking-news.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { newRecordId } from '../ids.js';
import { ServiceError } from '../service-error.js';
import type { ChannelRaisedListener } from './channel-raised.js';
import type { RiskContextSource } from './risk-context-source.js';
import type { RuleSetCatalogue } from './rule-set-catalogue.js';
import { SYSTEM_ACTOR } from './system-actor.js';

export interface Reassessment {
  assessment: StoredAssessment;
  /** The channel before, when there was an assessment. */
  previous?: Channel;
  raised: boolean;
}

/** Declarations read at a time when assessing those not yet assessed. */
const UNASSESSED_PAGE = 500;

export class AssessmentService {
  private readonly listeners: ChannelRaisedListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly ruleSets: RuleSetCatalogue,
    private readonly contexts: RiskContextSource,
    private readonly key: () => Promise<SelectionKey>,
    private readonly newId: () => string = newRecordId,
  ) {}

  /** Subscribes to channels raised by re-assessment. */
  onChannelRaised(listener: ChannelRaisedListener): void {
    this.listeners.push(listener);
  }

  /** Assesses a declaration now, at a person's request. */
  async assess(actor: User, declarationId: string): Promise<StoredAssessment> {
    this.auth.require(actor, 'risk:assess');
    return this.run(actor, await this.declaration(declarationId), 'on-demand');
  }

  /** Assesses a declaration the document checks have just accepted. */
  async assessAccepted(declarationId: string): Promise<StoredAssessment> {
    return this.run(SYSTEM_ACTOR, await this.declaration(declarationId), 'accepted');
  }

  /**
   * Assesses every accepted declaration that has no assessment yet, a page at a time: what a bulk import leaves
   * (it assesses nothing, to stay fast). `text` narrows to references containing it. Tells `progress` as it goes.
   */
  async assessUnassessed(options: { text?: string; progress?: (done: number, total: number) => void } = {}): Promise<number> {
    const filter = { status: 'accepted' as const, ...(options.text === undefined ? {} : { text: options.text }) };
    const { total } = await this.store.declarations.list({ ...filter, limit: 1, offset: 0 });
    let done = 0;
    let assessed = 0;
    for (let offset = 0; offset < total; offset += UNASSESSED_PAGE) {
      const page = await this.store.declarations.list({ ...filter, limit: UNASSESSED_PAGE, offset });
      const latest = await this.store.risk.assessments.latestOf(page.items.map((declaration) => declaration.id));
      for (const declaration of page.items) {
        if (!latest.has(declaration.id)) {
          await this.run(SYSTEM_ACTOR, declaration, 'accepted');
          assessed++;
        }
        options.progress?.(++done, total);
      }
    }
    return assessed;
  }

  /** A declaration's assessments, oldest first, each with its explanation. */
  async history(actor: User, declarationId: string): Promise<StoredAssessment[]> {
    this.auth.require(actor, 'risk:read');
    await this.declaration(declarationId);
    return this.store.risk.assessments.history(declarationId);
  }

  /**
   * Called by the tracking engine when a trip raises an alert: an alert of consequence (one the rules may count)
   * re-assesses the declaration, and a channel that rises is told to every listener. Other event types change
   * nothing and return undefined. `handled` is stored with the assessment (see ports/tracking-news.ts); the listeners
   * are told once it is stored, so a process that dies in between tells them nothing.
   */
  async reassessOnAlert(declarationId: string, alertType: string, handled?: HandledMark): Promise<Reassessment | undefined> {
    if (!(TRIP_ALERT_TYPES as readonly string[]).includes(alertType)) return undefined;
    const declaration = await this.declaration(declarationId);
    const before = await this.store.risk.assessments.latest(declarationId);
    const assessment = await this.run(SYSTEM_ACTOR, declaration, `alert:${alertType}`, before, handled);
    const from = before?.assessment.channel ?? 'green';
    const raised = CHANNELS.indexOf(assessment.assessment.channel) > CHANNELS.indexOf(from);
    if (raised) {
      const event = {
        declarationId,
        reference: declaration.reference,
        borderCrossing: declaration.borderCrossing,
        from,
        to: assessment.assessment.channel,
        alertType,
        assessment,
      };
      await Promise.all(this.listeners.map((listener) => listener.channelRaised(event)));
    }
    return { assessment, raised, ...(before === undefined ? {} : { previous: before.assessment.channel }) };
  }

  private async run(actor: User, declaration: Declaration, trigger: AssessmentTrigger, known?: StoredAssessment, handled?: HandledMark): Promise<StoredAssessment> {
    const { ruleSet } = await this.ruleSets.inForce();
    const before = known ?? (await this.store.risk.assessments.latest(declaration.id));
    const at = this.clock.now().toISOString();
    const draw: RandomDraw = before === undefined ? drawFor(await this.key(), declaration.reference) : drawOf(before);
    const context = await this.contexts.at(declaration, ruleSet.requirements, at);
    const stored: StoredAssessment = {
      id: this.newId(),
      declarationId: declaration.id,
      trigger,
      by: actor.username,
      at,
      assessment: assess(ruleSet, declaration, context, draw),
      context,
    };
    await this.store.risk.assessments.insert(stored, handled);
    const { channel, score, randomlySelected } = stored.assessment;
    await this.audit(actor, 'assess', 'declaration', declaration.id, { trigger, channel, score, randomlySelected, ruleSet: stored.assessment.ruleSet });
    return stored;
  }

  private async declaration(id: string): Promise<Declaration> {
    const declaration = await this.store.declarations.get(id);
    if (declaration === undefined) throw new ServiceError('NOT_FOUND', `no declaration ${id}`);
    return declaration;
  }
}

/** The draw an assessment recorded, to be given again. */
export function drawOf(stored: StoredAssessment): RandomDraw {
  const { draw, keyId, scheme } = stored.assessment.random;
  return { value: draw, keyId, scheme };
}
