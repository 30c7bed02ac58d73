/** The national operators' tables as Kysely sees them (migration 0007-operators). */
import type { Flag, Json, Timestamp } from './schema.js';

export interface TrackingObligationsTable {
  declaration_id: string;
  required: Flag;
  rules_id: string;
  rules_version: number;
  decision: Json;
  decided_at: Timestamp;
}

export interface ExchangeSequencesTable {
  peer: string;
  last_sequence: number;
}

export interface ExchangeOutboxTable {
  id: string;
  peer: string;
  sequence: number;
  transit_id: string;
  message: Json;
  created_at: Timestamp;
  attempts: number;
  next_attempt_ms: number;
  delivered_at: Timestamp | null;
  last_error: string | null;
}

export interface ExchangeInboxTable {
  id: string;
  sender: string;
  sequence: number;
  transit_id: string;
  message: Json;
  received_at: Timestamp;
}

export interface OperatorTransitsTable {
  transit_id: string;
  reference: string;
  route: Json;
  tracked_by: string;
  status: string;
  notice: Json | null;
  /** The PositionCursor of the last position forwarded to the next operator. */
  forwarded: Json | null;
  updated_at: Timestamp;
}

export interface OperatorTables {
  tracking_obligations: TrackingObligationsTable;
  exchange_sequences: ExchangeSequencesTable;
  exchange_outbox: ExchangeOutboxTable;
  exchange_inbox: ExchangeInboxTable;
  operator_transits: OperatorTransitsTable;
}
