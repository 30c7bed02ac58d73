/** Declarations: create, read, correct, submit through the document checks, and move along the lifecycle. */
import { checkDeclaration } from '../core/checks/index.js';
import { seesOnlyOwn } from '../core/auth/permissions.js';
import { transition } from '../core/model/lifecycle.js';
import type { Declaration, DeclarationInput, DeclarationStatus, StatusChange, User } from '../core/model/index.js';
import type { Clock } from '../ports/clock.js';
import type { DeclarationFilter, NewDeclaration, Page, Store, StoredCheck } from '../ports/store.js';
import type { Audit } from './audit.js';
import type { AuthService } from './auth-service.js';
import type { CheckContextSource } from './check-context.js';
import { newRecordId } from './ids.js';
import { ServiceError } from './service-error.js';

export interface DeclarationDetail {
  declaration: Declaration;
  check?: StoredCheck;
  history: StatusChange[];
}

/** Statuses in which the declarant may still correct the content. */
const EDITABLE: readonly DeclarationStatus[] = ['draft', 'incomplete'];

/** Told of a declaration whose content or status changed, after the change is stored, with the status it now has. */
export type DeclarationListener = (id: string, status: DeclarationStatus) => Promise<unknown>;

/** Asked before a status change by hand; refuses it by throwing a ServiceError (a transit that needs a seal first). */
export type StatusGuard = (declaration: Declaration, to: DeclarationStatus) => Promise<void>;

export class DeclarationService {
  readonly #listeners: DeclarationListener[] = [];
  readonly #guards: StatusGuard[] = [];

  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly checks: CheckContextSource,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly newId: () => string = newRecordId,
  ) {}

  /** Adds a listener of changes: risk assesses what is accepted; the border queue's trucks wait for their papers. */
  onChanged(listener: DeclarationListener): void {
    this.#listeners.push(listener);
  }

  /** Adds a guard of status changes made by hand. */
  guardStatus(guard: StatusGuard): void {
    this.#guards.push(guard);
  }

  /** Stores a new draft. */
  async create(actor: User, input: DeclarationInput): Promise<Declaration> {
    this.auth.require(actor, 'declarations:write');
    const at = this.clock.now().toISOString();
    const id = this.newId();
    const draft: NewDeclaration = {
      id,
      input,
      owner: actor.username,
      status: 'draft',
      history: [{ from: null, to: 'draft', by: actor.username, at }],
      at,
    };
    if (!(await this.store.declarations.insert(draft))) {
      throw new ServiceError('CONFLICT', `a declaration with reference ${input.reference} exists already`, [
        { code: 'REFERENCE_TAKEN', path: 'reference', message: `reference ${input.reference} is taken` },
      ]);
    }
    await this.audit(actor, 'create', 'declaration', id, { reference: input.reference });
    return this.found(await this.store.declarations.get(id), id);
  }

  async get(actor: User, id: string): Promise<DeclarationDetail> {
    const declaration = await this.visible(actor, id);
    const [check, history] = await Promise.all([
      this.store.declarations.lastCheck(id),
      this.store.declarations.history(id),
    ]);
    return { declaration, history, ...(check ? { check } : {}) };
  }

  async list(actor: User, filter: DeclarationFilter): Promise<Page<Declaration>> {
    this.auth.require(actor, 'declarations:read');
    return this.store.declarations.list(seesOnlyOwn(actor.role) ? { ...filter, owner: actor.username } : filter);
  }

  /** Replaces the content while the declaration is a draft or incomplete. */
  async update(actor: User, id: string, input: DeclarationInput): Promise<Declaration> {
    this.auth.require(actor, 'declarations:write');
    const current = await this.visible(actor, id);
    if (!EDITABLE.includes(current.status)) {
      throw new ServiceError('INVALID_TRANSITION', `a ${current.status} declaration can no longer be changed`);
    }
    if (input.reference !== current.reference) {
      throw new ServiceError('VALIDATION', 'the reference of a declaration cannot change', [
        { code: 'REFERENCE_IMMUTABLE', path: 'reference', message: `the reference stays ${current.reference}` },
      ]);
    }
    if (!(await this.store.declarations.update(id, input, this.clock.now().toISOString(), EDITABLE))) throw this.raced(id);
    await this.audit(actor, 'update', 'declaration', id);
    await this.changed(id, current.status);
    return this.found(await this.store.declarations.get(id), id);
  }

  /** Submits a draft or a corrected declaration: the checks decide between accepted and incomplete. */
  async submit(actor: User, id: string): Promise<DeclarationDetail> {
    this.auth.require(actor, 'declarations:write');
    const current = await this.visible(actor, id);
    const at = this.clock.now().toISOString();
    const submitted = transition(current.status, 'submitted', actor.username, at);
    if (!submitted.ok) throw new ServiceError('INVALID_TRANSITION', submitted.message);
    const result = checkDeclaration(current, await this.checks.get());
    const check: StoredCheck = { ...result, checkedAt: at };
    const decided = transition('submitted', result.complete ? 'accepted' : 'incomplete', 'system', at,
      result.complete ? undefined : `${result.issues.length} issue(s) found by the document checks`);
    if (!decided.ok) throw new ServiceError('INVALID_TRANSITION', decided.message);
    if (!(await this.store.declarations.changeStatus(id, [submitted.change, decided.change], check))) throw this.raced(id);
    await this.audit(actor, 'submit', 'declaration', id, { complete: result.complete, issues: result.issues.length });
    await this.changed(id, decided.change.to);
    return this.get(actor, id);
  }

  /** Moves a declaration along the rest of its lifecycle (transit, border, release, arrival, closure). */
  async changeStatus(actor: User, id: string, to: DeclarationStatus, reason?: string): Promise<DeclarationDetail> {
    this.auth.require(actor, 'declarations:write');
    if (to === 'submitted' || to === 'accepted' || to === 'incomplete') {
      throw new ServiceError('INVALID_TRANSITION', `${to} is decided by submitting the declaration, not set by hand`);
    }
    const current = await this.visible(actor, id);
    const step = transition(current.status, to, actor.username, this.clock.now().toISOString(), reason);
    if (!step.ok) throw new ServiceError('INVALID_TRANSITION', step.message);
    for (const guard of this.#guards) await guard(current, to);
    if (!(await this.store.declarations.changeStatus(id, step.change))) throw this.raced(id);
    await this.audit(actor, 'status', 'declaration', id, { from: current.status, to, reason });
    await this.changed(id, to);
    return this.get(actor, id);
  }

  /** Tells the listeners; the declaration's change stands whatever they make of it. */
  private async changed(id: string, status: DeclarationStatus): Promise<void> {
    await Promise.allSettled(this.#listeners.map((listener) => listener(id, status)));
  }

  /** A declaration the actor may see; hauliers see only their own, and others' look like missing ones. */
  private async visible(actor: User, id: string): Promise<Declaration> {
    this.auth.require(actor, 'declarations:read');
    const declaration = await this.store.declarations.get(id);
    if (!declaration || (seesOnlyOwn(actor.role) && declaration.owner !== actor.username)) {
      throw new ServiceError('NOT_FOUND', `no declaration ${id}`);
    }
    return declaration;
  }

  private found(declaration: Declaration | undefined, id: string): Declaration {
    if (!declaration) throw new ServiceError('NOT_FOUND', `no declaration ${id}`);
    return declaration;
  }

  private raced(id: string): ServiceError {
    return new ServiceError('CONFLICT', `declaration ${id} was changed by someone else meanwhile; reload and try again`);
  }
}
