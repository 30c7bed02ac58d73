/**
 * Rule sets as the platform keeps them: versions uploaded as text and validated, one in force at a time, each
 * compiled once. On the first use of a store with none, the sets shipped in rules/ are installed and the first put
 * in force, so a new installation assesses from its first declaration.
 */
import { compileRuleSet, loadRuleSet, parseRuleSet, type CompiledRuleSet } from '../../core/risk/index.js';
import type { User } from '../../core/model/index.js';
import type { Clock } from '../../ports/clock.js';
import type { StoredRuleSet } from '../../ports/risk-store.js';
import type { Store } from '../../ports/store.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { ServiceError } from '../service-error.js';
import { SYSTEM_ACTOR } from './system-actor.js';

export interface RuleSetInForce {
  stored: StoredRuleSet;
  ruleSet: CompiledRuleSet;
}

export class RuleSetCatalogue {
  private readonly compiled = new Map<string, CompiledRuleSet>();
  private installing: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly audit: Audit,
    /** The texts of the shipped rule sets, in the order of preference. */
    private readonly shipped: () => Promise<string[]>,
  ) {}

  async list(actor: User): Promise<StoredRuleSet[]> {
    this.auth.require(actor, 'risk:read');
    await this.installShipped();
    return this.store.risk.ruleSets.list();
  }

  async get(actor: User, ruleSetId: string, version: number): Promise<StoredRuleSet> {
    this.auth.require(actor, 'risk:read');
    const stored = await this.store.risk.ruleSets.get(ruleSetId, version);
    if (stored === undefined) throw new ServiceError('NOT_FOUND', `no rule set ${ruleSetId} version ${version}`);
    return stored;
  }

  /** The version in force, compiled. */
  async inForce(): Promise<RuleSetInForce> {
    await this.installShipped();
    const stored = await this.store.risk.ruleSets.active();
    if (stored === undefined) throw new ServiceError('CONFLICT', 'no rule set is in force: upload one and activate it');
    return { stored, ruleSet: this.compile(stored) };
  }

  /** Validates the text; every issue is located (line, column, rule). */
  parse(text: string): CompiledRuleSet {
    const parsed = parseRuleSet(text);
    if (!parsed.ok) throw new ServiceError('INVALID_INPUT', `the rule set has ${parsed.issues.length} issue(s)`, parsed.issues);
    return compileRuleSet(parsed.ruleSet);
  }

  /**
   * Stores a new version, not yet in force. Uploading a stored version again with the same text changes nothing; with
   * other text it is refused, since assessments name versions and each must mean one text.
   */
  async upload(actor: User, text: string): Promise<StoredRuleSet> {
    this.auth.require(actor, 'risk:rules');
    const { id, version } = this.parse(text);
    const at = this.clock.now().toISOString();
    if (!(await this.store.risk.ruleSets.insert({ ruleSetId: id, version, text, uploadedBy: actor.username, uploadedAt: at }))) {
      const existing = await this.store.risk.ruleSets.get(id, version);
      if (existing !== undefined && existing.text === text) return existing;
      throw new ServiceError('CONFLICT', `version ${version} of rule set ${id} is stored with other text; raise the version`, [
        { code: 'RISK_VERSION_TAKEN', path: 'version', message: `version ${version} of ${id} exists already` },
      ]);
    }
    await this.audit(actor, 'upload', 'rule-set', `${id}@${version}`);
    return this.found(id, version);
  }

  async activate(actor: User, ruleSetId: string, version: number): Promise<StoredRuleSet> {
    this.auth.require(actor, 'risk:rules');
    const previous = await this.store.risk.ruleSets.active();
    if (!(await this.store.risk.ruleSets.activate(ruleSetId, version, actor.username, this.clock.now().toISOString()))) {
      throw new ServiceError('NOT_FOUND', `no rule set ${ruleSetId} version ${version}`);
    }
    await this.audit(actor, 'activate', 'rule-set', `${ruleSetId}@${version}`, {
      replaces: previous === undefined ? null : `${previous.ruleSetId}@${previous.version}`,
    });
    return this.found(ruleSetId, version);
  }

  /** A stored version compiled, once per version (the text of a version never changes). */
  compile(stored: Pick<StoredRuleSet, 'ruleSetId' | 'version' | 'text'>): CompiledRuleSet {
    const key = `${stored.ruleSetId}@${stored.version}`;
    let ruleSet = this.compiled.get(key);
    if (ruleSet === undefined) {
      const loaded = loadRuleSet(stored.text);
      if (!loaded.ok) throw new Error(`the stored rule set ${key} no longer validates: ${loaded.issues[0]?.message ?? ''}`);
      this.compiled.set(key, (ruleSet = loaded.ruleSet));
    }
    return ruleSet;
  }

  private installShipped(): Promise<void> {
    this.installing ??= this.install().catch((error: unknown) => {
      this.installing = undefined;
      throw error;
    });
    return this.installing;
  }

  private async install(): Promise<void> {
    if ((await this.store.risk.ruleSets.list()).length > 0) return;
    const installed: StoredRuleSet[] = [];
    for (const text of await this.shipped()) installed.push(await this.upload(SYSTEM_ACTOR, text));
    const first = installed[0];
    if (first !== undefined && (await this.store.risk.ruleSets.active()) === undefined) {
      await this.activate(SYSTEM_ACTOR, first.ruleSetId, first.version);
    }
  }

  private async found(ruleSetId: string, version: number): Promise<StoredRuleSet> {
    const stored = await this.store.risk.ruleSets.get(ruleSetId, version);
    if (stored === undefined) throw new ServiceError('NOT_FOUND', `no rule set ${ruleSetId} version ${version}`);
    return stored;
  }
}
