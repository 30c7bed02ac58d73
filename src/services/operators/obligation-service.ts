/**
 * The tracking obligation of declarations: decided by the rules whenever a declaration changes while its content
 * may (draft, incomplete, accepted), stored with the rule that decided, shown to whoever may see the declaration;
 * and enforced: a declaration that must be sealed starts its transit only by arming its seals (an open trip).
 */
import { decideObligation, obligationFacts, routeCountries, type ObligationRuleSet } from '../../core/obligation/index.js';
import type { Declaration, DeclarationStatus, User } from '../../core/model/index.js';
import type { Clock } from '../../ports/clock.js';
import type { StoredObligation } from '../../ports/exchange-store.js';
import type { Store } from '../../ports/store.js';
import type { DeclarationService } from '../declaration-service.js';
import { ServiceError } from '../service-error.js';

/** Statuses in which the content, and so the decision, can still change. */
const DECIDED_IN: readonly DeclarationStatus[] = ['draft', 'incomplete', 'accepted'];

export class ObligationService {
  constructor(
    private readonly store: Store,
    private readonly declarations: DeclarationService,
    private readonly clock: Clock,
    private readonly rules: () => Promise<ObligationRuleSet>,
  ) {}

  /** Loads the rules, so that a broken rules file stops a server at its start rather than at its first decision. */
  async ready(): Promise<void> {
    await this.rules();
  }

  /** The declaration's stored decision, deciding it now when none is stored yet. */
  async get(actor: User, declarationId: string): Promise<StoredObligation> {
    const { declaration } = await this.declarations.get(actor, declarationId);
    return (await this.store.obligations.get(declarationId)) ?? this.decide(declaration);
  }

  /** For the declarations' listener: decides again whenever the content may have changed. */
  async declarationChanged(id: string, status: DeclarationStatus): Promise<void> {
    if (!DECIDED_IN.includes(status)) return;
    const declaration = await this.store.declarations.get(id);
    if (declaration) await this.decide(declaration);
  }

  /** Refuses to start the transit of a declaration that must be sealed while none of its trips is open. */
  async guardTransit(declaration: Declaration, to: DeclarationStatus): Promise<void> {
    if (to !== 'in_transit') return;
    const { decision } = (await this.store.obligations.get(declaration.id)) ?? (await this.decide(declaration));
    if (!decision.required) return;
    const open = await this.store.trips.list({ declarationId: declaration.id, status: 'open', limit: 1, offset: 0 });
    if (open.total > 0) return;
    throw new ServiceError('INVALID_TRANSITION', `declaration ${declaration.reference} must travel under a navigation seal (rule ${decision.decidedBy?.id ?? '?'} of ${decision.rules.id} v${decision.rules.version}); arm its seals (POST /trips) to start its transit`, [
      { code: 'SEAL_REQUIRED', path: 'status', message: decision.decidedBy?.explanation ?? 'a navigation seal is required' },
    ]);
  }

  private async decide(declaration: Declaration): Promise<StoredObligation> {
    const [departure, crossing, destination] = await Promise.all([
      this.store.reference.getOffice(declaration.officeOfDeparture),
      this.store.reference.getCrossing(declaration.borderCrossing),
      this.store.reference.getOffice(declaration.officeOfDestination),
    ]);
    const countries = routeCountries(departure?.country, crossing?.countries ?? [], destination?.country);
    const decision = decideObligation(await this.rules(), obligationFacts(declaration, countries));
    const stored: StoredObligation = { declarationId: declaration.id, decision, decidedAt: this.clock.now().toISOString() };
    await this.store.obligations.save(stored);
    return stored;
  }
}
