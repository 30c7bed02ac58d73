/**
 * The store the core needs from the world: one interface, implemented once with Kysely for both SQLite and
 * PostgreSQL. Repositories speak the domain's types; rows and SQL stay in the adapter.
 *
 * Timestamps go in as any ISO 8601 instant and come back in one canonical form, UTC with milliseconds
 * (`2025-03-01T05:00:00.000Z`, as `Date.prototype.toISOString` writes it), on every backend alike.
 */
import type { HandledNewsRepository, NewsOutboxRepository } from './tracking-news.js';
import type {
  AuditEntry,
  BorderCrossing,
  Carrier,
  CustomsOffice,
  Declaration,
  DeclarationInput,
  DeclarationStatus,
  Driver,
  Issue,
  Position,
  SealDevice,
  StatusChange,
  User,
  Vehicle,
} from '../core/model/index.js';
import type { ExchangeRepository, ObligationRepository } from './exchange-store.js';
import type { RiskStore } from './risk-store.js';
import type { QueueRepository } from './queue-store.js';
import type { ShardLeaseRepository } from './shard-leases.js';
import type { AlertRepository, TripRepository } from './tracking-store.js';
import type { UnknownDeviceRepository } from './unknown-devices.js';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface DeclarationFilter {
  status?: DeclarationStatus;
  owner?: string;
  borderCrossing?: string;
  /** Matches the consignee's TIN exactly. */
  consigneeTin?: string;
  /** Matches the vehicle's plate exactly. */
  vehiclePlate?: string;
  /**
   * Case-insensitive substring of the reference, the consignor's or consignee's name, or the plate;
   * `%`, `_` and every other character match themselves.
   */
  text?: string;
  limit: number;
  offset: number;
}

/** The stored result of the last document check of a declaration. */
export interface StoredCheck {
  complete: boolean;
  issues: Issue[];
  checkedAt: string;
}

export interface NewDeclaration {
  id: string;
  input: DeclarationInput;
  owner: string;
  status: DeclarationStatus;
  history: StatusChange[];
  check?: StoredCheck;
  at: string;
}

export interface DeclarationRepository {
  /** Inserts one declaration; `false` when its reference exists already (nothing changed). */
  insert(declaration: NewDeclaration): Promise<boolean>;
  /**
   * Inserts many in one transaction, skipping references that exist already (and, within the batch, every
   * repeat of a reference after its first). Returns the references that were new and inserted.
   */
  insertMany(declarations: NewDeclaration[]): Promise<Set<string>>;
  get(id: string): Promise<Declaration | undefined>;
  getByReference(reference: string): Promise<Declaration | undefined>;
  /** Newest first (`createdAt` descending, then `id` descending), with the total of all that match. */
  list(filter: DeclarationFilter): Promise<Page<Declaration>>;
  /**
   * Replaces the declarant's content of a declaration. With `onlyIn` (such as draft and incomplete) it applies
   * only if the declaration is still in one of those statuses when written, so a concurrent submission cannot
   * slip between the caller's check and the write. Returns whether it applied (false also for an unknown id).
   */
  update(id: string, input: DeclarationInput, at: string, onlyIn?: readonly DeclarationStatus[]): Promise<boolean>;
  /**
   * Records a status change, or a chain of them (each starting where the previous ended, such as
   * draft → submitted → accepted), in one transaction, if the declaration is still in the first change's
   * `from` (optimistic: two concurrent changes cannot both apply). Returns whether it applied.
   */
  changeStatus(id: string, changes: StatusChange | readonly StatusChange[], check?: StoredCheck): Promise<boolean>;
  /** Oldest first, in the order the changes were recorded. */
  history(id: string): Promise<StatusChange[]>;
  lastCheck(id: string): Promise<StoredCheck | undefined>;
}

/** Reference data: places, parties, vehicles and devices. Upserts keyed by the natural id. */
export interface ReferenceRepository {
  putOffice(office: CustomsOffice): Promise<void>;
  getOffice(code: string): Promise<CustomsOffice | undefined>;
  listOffices(): Promise<CustomsOffice[]>;
  putCrossing(crossing: BorderCrossing): Promise<void>;
  getCrossing(code: string): Promise<BorderCrossing | undefined>;
  listCrossings(): Promise<BorderCrossing[]>;
  putCarrier(carrier: Carrier): Promise<void>;
  getCarrier(id: string): Promise<Carrier | undefined>;
  listCarriers(): Promise<Carrier[]>;
  putVehicle(vehicle: Vehicle): Promise<void>;
  getVehicle(id: string): Promise<Vehicle | undefined>;
  listVehicles(filter?: { carrierId?: string }): Promise<Vehicle[]>;
  putDriver(driver: Driver): Promise<void>;
  listDrivers(): Promise<Driver[]>;
  /** Registers or changes a device; one registered for a protocol, and not retired, leaves the unknown devices' list. */
  putDevice(device: SealDevice): Promise<void>;
  getDevice(id: string): Promise<SealDevice | undefined>;
  listDevices(): Promise<SealDevice[]>;
}

export interface NomenclatureEntry {
  /** 4 to 10 digits: heading, subheading or national tariff line. */
  code: string;
  description: string;
  validFrom?: string;
  validTo?: string;
}

export interface NomenclatureRepository {
  /** Upserts entries in one transaction (the last of repeated codes wins); returns how many were written. */
  putMany(entries: NomenclatureEntry[]): Promise<number>;
  /** Every code stored, for the document checks to look up in memory. */
  allCodes(): Promise<string[]>;
  count(): Promise<number>;
}

export interface StoredUser extends User {
  passwordHash: string;
}

export interface UserRepository {
  create(user: StoredUser): Promise<boolean>;
  get(username: string): Promise<StoredUser | undefined>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  /** Stores a bearer token by its hash. */
  putToken(tokenHash: string, username: string, expiresAt: string): Promise<void>;
  /** The user a token belongs to, if it has not expired at `now`. */
  userForToken(tokenHash: string, now: string): Promise<StoredUser | undefined>;
}

export interface PositionQuery {
  deviceId: string;
  /** Device time from, inclusive, ms since the epoch. */
  from?: number;
  /** Device time to, inclusive. */
  to?: number;
  limit: number;
}

export interface PositionRepository {
  /**
   * Stores positions in one transaction, skipping any already stored: the same device, device time and
   * protocol sequence (absent counts as one value) is the same position, so a device that resends after a
   * crash creates no duplicate. Also moves each device's latest position forward. Returns how many were new.
   */
  insertMany(positions: readonly Position[]): Promise<number>;
  /** A device's positions in device-time order (then sequence). */
  list(query: PositionQuery): Promise<Position[]>;
  /** The latest position (by device time) of every device that has one. */
  latest(): Promise<Position[]>;
  latestOf(deviceId: string): Promise<Position | undefined>;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: { entity?: string; entityId?: string; limit: number; offset: number }): Promise<AuditEntry[]>;
}

export interface PositionPartitions {
  /** The day partitions there are, oldest first. */
  list(): Promise<string[]>;
  /**
   * Makes the partitions from the day before `nowMs` to `aheadDays` (7) ahead, and drops every day wholly older than
   * `retentionDays` (none when null, the default). Returns the partitions made and dropped.
   */
  maintain(nowMs: number, options?: { aheadDays?: number; retentionDays?: number | null }): Promise<{ created: string[]; dropped: string[] }>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly declarations: DeclarationRepository;
  readonly reference: ReferenceRepository;
  readonly nomenclature: NomenclatureRepository;
  readonly users: UserRepository;
  readonly audit: AuditLog;
  readonly positions: PositionRepository;
  readonly risk: RiskStore;
  readonly queues: QueueRepository;
  readonly trips: TripRepository;
  readonly alerts: AlertRepository;
  readonly obligations: ObligationRepository;
  readonly exchange: ExchangeRepository;
  readonly shardLeases: ShardLeaseRepository;
  /** Devices refused because they are not registered, for an operator to register. */
  readonly unknownDevices: UnknownDeviceRepository;
  /** The tracker's news waiting for the bus (scale-out). */
  readonly newsOutbox: NewsOutboxRepository;
  /** The news each consumer group has acted on (scale-out). */
  readonly handledNews: HandledNewsRepository;
  /** Positions by day, where the backend partitions them (PostgreSQL): made ahead, dropped past the retention. */
  readonly positionPartitions?: PositionPartitions;
  /** Brings the schema to the latest migration. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}
