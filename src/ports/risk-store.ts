/**
 * What risk targeting keeps: rule-set versions and which one is in force, every assessment with what it was made
 * from, inspections and their results, roadside teams and the trucks assigned to them, and the parties' histories
 * read back from the inspections. Part of the Store (`store.risk`), on both backends alike.
 */
import type { Channel } from '../core/model/channel.js';
import type { Declaration } from '../core/model/index.js';
import type { Assessment, HistoryRole, InspectionResult, PartyHistory, RiskContext } from '../core/risk/index.js';
import type { Page } from './store.js';
import type { HandledMark } from './tracking-news.js';

export interface StoredRuleSet {
  ruleSetId: string;
  version: number;
  /** The YAML or JSON text exactly as uploaded, so an assessment naming this version can be explained later. */
  text: string;
  uploadedBy: string;
  uploadedAt: string;
  /** The version in force; at most one stored version is. */
  active: boolean;
  /** Who made it the version in force, and when (kept after another version replaces it). */
  activatedBy?: string;
  activatedAt?: string;
}

export type NewRuleSet = Pick<StoredRuleSet, 'ruleSetId' | 'version' | 'text' | 'uploadedBy' | 'uploadedAt'>;

export interface RuleSetRepository {
  /** Stores a version; `false` when that id and version are stored already (nothing changed). */
  insert(ruleSet: NewRuleSet): Promise<boolean>;
  get(ruleSetId: string, version: number): Promise<StoredRuleSet | undefined>;
  /** Every stored version, by id, newest version first. */
  list(): Promise<StoredRuleSet[]>;
  active(): Promise<StoredRuleSet | undefined>;
  /** Puts this version in force and takes every other out, in one transaction; `false` when it is not stored. */
  activate(ruleSetId: string, version: number, by: string, at: string): Promise<boolean>;
}

/** What asked for an assessment: acceptance of the declaration, a person, or a trip alert (`alert:seal-tamper`). */
export type AssessmentTrigger = 'accepted' | 'on-demand' | `alert:${string}`;

export interface StoredAssessment {
  id: string;
  declarationId: string;
  trigger: AssessmentTrigger;
  by: string;
  at: string;
  /** The decision with every fired rule, its inputs and explanation, the score and the random draw. */
  assessment: Assessment;
  /** What it was made from besides the declaration, so it can be replayed and backtested as it was. */
  context: RiskContext;
}

/** What the latest assessment of a declaration decided, when and why it was made. */
export interface LatestChannel {
  channel: Channel;
  trigger: AssessmentTrigger;
  at: string;
}

export interface AssessmentRepository {
  /** With `handled`, the mark of the tracker's news that set it off, in the same transaction. */
  insert(assessment: StoredAssessment, handled?: HandledMark): Promise<void>;
  /** A declaration's assessments, oldest first. */
  history(declarationId: string): Promise<StoredAssessment[]>;
  latest(declarationId: string): Promise<StoredAssessment | undefined>;
  /** The latest assessment of each of these declarations that has one. */
  latestOf(declarationIds: readonly string[]): Promise<Map<string, StoredAssessment>>;
  /** `latestOf` without the explanation and context: what a look over thousands of queued trucks needs. */
  latestChannelsOf(declarationIds: readonly string[]): Promise<Map<string, LatestChannel>>;
  /** Every assessment, oldest first (by time, then id): the input of effectiveness reports and backtests. */
  all(): Promise<StoredAssessment[]>;
}

/** Where an inspection took place: on the road by a mobile team, or at a border crossing. */
export type InspectionPlace = { kind: 'roadside'; teamId: string } | { kind: 'crossing'; crossing: string };

export interface Inspection {
  id: string;
  declarationId: string;
  place: InspectionPlace;
  /** Chosen by the rules, or by the random draw: kept apart so their hit rates can be compared honestly. */
  selection: 'targeted' | 'random';
  /** `compliant` alone, or every finding. */
  results: InspectionResult[];
  notes?: string;
  by: string;
  at: string;
}

/** An inspection as lists show it: with the reference people know its declaration by. */
export interface ListedInspection extends Inspection {
  reference: string;
}

export interface InspectionFilter {
  declarationId?: string;
  teamId?: string;
  limit: number;
  offset: number;
}

export interface InspectionRepository {
  insert(inspection: Inspection): Promise<void>;
  get(id: string): Promise<Inspection | undefined>;
  /** Newest first, each with its declaration's reference, with the total of all that match. */
  list(filter: InspectionFilter): Promise<Page<ListedInspection>>;
  /** Every inspection, oldest first: the results effectiveness and backtests are measured against. */
  all(): Promise<Inspection[]>;
}

export interface PartyHistoryQuery {
  /** The declaration whose parties are looked up; its own inspections never count in its parties' histories. */
  declaration: Pick<Declaration, 'id' | 'consignor' | 'consignee' | 'carrier' | 'vehicle' | 'createdAt'>;
  /** The day the windows end on, `YYYY-MM-DD`. */
  today: string;
  /** Only what was known before this instant counts, so an assessment replayed later sees what it saw then. */
  before: string;
  /** The windows, in days, to count for each role. */
  windows: Partial<Readonly<Record<HistoryRole, readonly number[]>>>;
  /** The roles whose first declaration day is wanted. */
  firstSeen: readonly HistoryRole[];
}

export interface PartyHistoryReader {
  /**
   * The history of each party the query asks about. A consignor, consignee or carrier is identified by country and
   * taxpayer number, a vehicle by country and plate; a party without a number is left out (its rules are unknown).
   */
  histories(query: PartyHistoryQuery): Promise<Partial<Record<HistoryRole, PartyHistory>>>;
}

export interface RoadsideTeam {
  id: string;
  name: string;
  /** Where the team stands, and when it said so. */
  position?: { lat: number; lon: number; at: string };
  /** When the team is on duty. */
  shift?: { start: string; end: string };
  createdAt: string;
  updatedAt: string;
}

/** A truck a team was told to stop. */
export interface Assignment {
  id: string;
  teamId: string;
  declarationId: string;
  tripId: string;
  /** The channel and score that ranked it, as proposed. */
  channel: Channel;
  score: number;
  by: string;
  at: string;
}

export interface TeamRepository {
  /** Inserts or replaces the team by id. */
  put(team: RoadsideTeam): Promise<void>;
  get(id: string): Promise<RoadsideTeam | undefined>;
  /** By name, then id. */
  list(): Promise<RoadsideTeam[]>;
  /** `false` when there was no such team. Its assignments go with it. */
  delete(id: string): Promise<boolean>;
  /** `false` when the declaration is assigned to a team already (nothing changed). */
  assign(assignment: Assignment): Promise<boolean>;
  /** A team's assignments, newest first. */
  assignments(teamId: string): Promise<Assignment[]>;
  /** Those of the declarations that are assigned to some team. */
  assignedAmong(declarationIds: readonly string[]): Promise<Set<string>>;
}

/** A selection secret named by an id (see core/risk/selection.ts); the secret in base64. */
export interface StoredSecret {
  keyId: string;
  secret: string;
  createdAt: string;
}

export interface InstallationKeyRepository {
  /**
   * The installation's own selection secret: the one stored, or else `candidate`, stored now. Two processes starting
   * at once both get the one that was stored first.
   */
  getOrCreate(candidate: StoredSecret): Promise<StoredSecret>;
}

export interface RiskStore {
  readonly ruleSets: RuleSetRepository;
  readonly assessments: AssessmentRepository;
  readonly inspections: InspectionRepository;
  readonly teams: TeamRepository;
  readonly parties: PartyHistoryReader;
  readonly installationKey: InstallationKeyRepository;
}
