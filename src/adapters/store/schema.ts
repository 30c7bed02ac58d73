/**
 * The tables as Kysely sees them, one row type a table, identical on SQLite and PostgreSQL.
 *
 * Values are typed as both drivers hand them back after `codec.ts` and the PostgreSQL type parsers:
 * timestamps are ISO 8601 strings in UTC (`text` on SQLite, `timestamptz` on PostgreSQL), JSON columns are
 * their encoded text (`text` on SQLite, `jsonb` on PostgreSQL), and every number is a JavaScript number.
 */
import type { Generated } from 'kysely';
import type { QueueCrossingsTable, QueueEntriesTable, QueueEventsTable, QueueLogTable } from './queue-schema.js';
import type { CustomsProcedure, DeclarationStatus, Role, SealDeviceState, SealProtocol } from '../../core/model/index.js';
import type { OperatorTables } from './operator-schema.js';
import type { RiskTables } from './risk/risk-schema.js';

/** An ISO 8601 UTC timestamp, `YYYY-MM-DDTHH:mm:ss.sssZ`, so text order is time order on SQLite too. */
export type Timestamp = string;
/** JSON text, encoded and decoded only by `codec.ts`. */
export type Json = string;

export interface DeclarationsTable {
  id: string;
  reference: string;
  status: DeclarationStatus;
  owner: string;
  procedure: CustomsProcedure | null;
  // The parties are columns, not JSON, so that the list can filter and search them.
  consignor_name: string;
  consignor_country: string;
  consignor_tin: string | null;
  consignor_address: string | null;
  consignee_name: string;
  consignee_country: string;
  consignee_tin: string | null;
  consignee_address: string | null;
  carrier_name: string;
  carrier_country: string;
  carrier_tin: string | null;
  carrier_address: string | null;
  vehicle_plate: string;
  vehicle_country: string;
  vehicle_trailer_plate: string | null;
  office_of_departure: string;
  border_crossing: string;
  office_of_destination: string;
  driver: Json | null;
  documents: Json;
  planned_route: Json | null;
  seals: Json;
  /**
   * The reference, the consignor's and consignee's names and the plate, lower-cased by JavaScript, for the
   * case-insensitive text search: SQLite's own lower() folds ASCII only, and Cyrillic names must match too.
   */
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The last document check without its time: `{ complete, issues }`. */
  last_check: Json | null;
  checked_at: Timestamp | null;
}

export interface GoodsItemsTable {
  declaration_id: string;
  /** 1-based position on the declaration, so the goods come back in the order declared. */
  line_no: number;
  hs_code: string;
  description: string;
  packages: number;
  gross_mass_kg: number;
  value: number;
  currency: string;
}

export interface DeclarationHistoryTable {
  declaration_id: string;
  /** 1-based step number within the declaration: the history's order, independent of clocks. */
  seq: number;
  from_status: DeclarationStatus | null;
  to_status: DeclarationStatus;
  changed_by: string;
  at: Timestamp;
  reason: string | null;
}

export interface OfficesTable {
  code: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  geofence: Json;
}

export interface CrossingsTable {
  code: string;
  name: string;
  country_a: string;
  country_b: string;
  lat: number;
  lon: number;
  geofence: Json;
  lanes: Json;
  operating_hours: Json | null;
}

export interface CarriersTable {
  id: string;
  name: string;
  country: string;
  tin: string | null;
  address: string | null;
}

export interface VehiclesTable {
  id: string;
  plate: string;
  country: string;
  carrier_id: string | null;
  trailer_plate: string | null;
}

export interface DriversTable {
  id: string;
  name: string;
  country: string;
  licence_number: string | null;
  phone: string | null;
}

export interface DevicesTable {
  id: string;
  protocol: SealProtocol;
  model: string | null;
  state: SealDeviceState;
}

export interface NomenclatureTable {
  code: string;
  description: string;
  /** `YYYY-MM-DD`: a calendar date, kept as text on both dialects so no time zone can shift it. */
  valid_from: string | null;
  valid_to: string | null;
}

export interface UsersTable {
  username: string;
  role: Role;
  carrier_id: string | null;
  password_hash: string;
  created_at: Timestamp;
}

export interface TokensTable {
  hash: string;
  username: string;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: Json | null;
}

/**
 * A yes or no as each driver hands it back: 0 or 1 from SQLite's integer column, a boolean from PostgreSQL's;
 * written as 0 or 1, which PostgreSQL reads as a boolean. Only `codec.ts` turns it into a boolean.
 */
export type Flag = number | boolean;

/** One position a row; `positions` and `device_latest` share the columns. */
export interface PositionColumns {
  device_id: string;
  /** Milliseconds since the epoch (`bigint` on PostgreSQL, brought back as a number by the type parsers). */
  device_time: number;
  received_time: number;
  /** The protocol's record sequence, or -1 for none (part of the key, and a key column cannot be NULL). */
  sequence: number;
  lat: number;
  lon: number;
  altitude: number | null;
  speed: number;
  course: number;
  satellites: number | null;
  valid: Flag;
  /** Attributes by `attribute-codec.ts`, which keeps bigint and bytes. */
  attributes: Json;
  seal: Json | null;
}

export type PositionsTable = PositionColumns;
/** Each device's latest position by device time (then sequence), moved forward by every insert. */
export type DeviceLatestTable = PositionColumns;

/** A trip: its plan, seals and whether it is open (see ports/tracking-store.ts). */
export interface TripsTable {
  id: string;
  declaration_id: string;
  owner: string;
  seal_ids: Json;
  plan: Json;
  status: string;
  opened_at: Timestamp;
  opened_by: string;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface TripOpenSealsTable {
  seal_id: string;
  trip_id: string;
}

export interface TripStatesTable {
  trip_id: string;
  state: Json;
  /** The trip's cursor of each seal (SealCursors); null in a state saved before it took any position. */
  seal_cursors: Json | null;
  ticked_at: number | null;
}

export interface TripTakenBehindTable {
  /** The order the batches were taken in. */
  seq: Generated<number>;
  trip_id: string;
  /** The trip's cursors before the batch and after it (SealCursors). */
  after: Json;
  through: Json;
}

export interface TripEventsTable {
  /** The order events were raised in. */
  seq: Generated<number>;
  /** The engine's own event id: the same event raised again (a replay, a resumed batch) has the same id. */
  id: string;
  trip_id: string;
  type: string;
  severity: string;
  at: number;
  position: Json | null;
  rule: Json;
  details: Json;
}

export interface AlertsTable {
  id: string;
  trip_id: string;
  type: string;
  fold_key: string;
  severity: string;
  status: string;
  first_seen: number;
  last_seen: number;
  occurrences: number;
  ended_at: number | null;
  position: Json | null;
  rule: Json;
  details: Json;
  first_event_id: string;
  last_event_id: string;
  assignee: string | null;
  resolution_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AlertActionsTable {
  seq: Generated<number>;
  alert_id: string;
  action: string;
  actor: string;
  at: Timestamp;
  status: string;
  assignee: string | null;
  note: string | null;
}

export interface Database extends RiskTables, OperatorTables {
  declarations: DeclarationsTable;
  goods_items: GoodsItemsTable;
  declaration_history: DeclarationHistoryTable;
  offices: OfficesTable;
  crossings: CrossingsTable;
  carriers: CarriersTable;
  vehicles: VehiclesTable;
  drivers: DriversTable;
  devices: DevicesTable;
  nomenclature: NomenclatureTable;
  users: UsersTable;
  tokens: TokensTable;
  audit_log: AuditLogTable;
  positions: PositionsTable;
  device_latest: DeviceLatestTable;
  queue_crossings: QueueCrossingsTable;
  queue_log: QueueLogTable;
  queue_events: QueueEventsTable;
  queue_entries: QueueEntriesTable;
  trips: TripsTable;
  trip_open_seals: TripOpenSealsTable;
  trip_states: TripStatesTable;
  trip_taken_behind: TripTakenBehindTable;
  trip_events: TripEventsTable;
  alerts: AlertsTable;
  alert_actions: AlertActionsTable;
  shard_leases: ShardLeasesTable;
  unknown_devices: UnknownDevicesTable;
  news_outbox: NewsOutboxTable;
  news_handled: NewsHandledTable;
}

export interface ShardLeasesTable {
  shard: number;
  owner: string;
  expires_ms: number;
  wanted_by: string | null;
  /** When the holder took the lease, ms: kept while it renews, so a write fenced with an older one is refused. */
  epoch: number;
}

export interface NewsOutboxTable {
  seq: Generated<number>;
  /** The news item as JSON. */
  news: Json;
}

export interface NewsHandledTable {
  consumer: string;
  news_id: string;
  handled_at: string;
}

export interface UnknownDevicesTable {
  device_id: string;
  protocol: SealProtocol;
  remote: string;
  attempts: number;
  first_seen_ms: number;
  last_seen_ms: number;
}
