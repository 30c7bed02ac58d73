/** The border queue's tables as Kysely sees them (migration 0005-queue); times are epoch milliseconds. */
import type { Generated } from 'kysely';
import type { Json } from './schema.js';

export interface QueueCrossingsTable {
  crossing: string;
  initial_config: Json;
  config: Json;
  created_ms: number;
  log_length: number;
  version: number;
}

export interface QueueLogTable {
  crossing: string;
  seq: number;
  record: Json;
}

export interface QueueEventsTable {
  id: Generated<number>;
  crossing: string;
  entry_id: string | null;
  version: number;
  at_ms: number;
  actor: string;
  action: string;
  reason: string;
  detail: Json | null;
}

export interface QueueEntriesTable {
  id: string;
  crossing: string;
  declaration_id: string;
  owner: string;
  plate: string;
  country: string;
  route: string;
  status: string;
  priority_class: string;
  channel: string;
  booking_code: string | null;
  slot_start_ms: number | null;
  slot_end_ms: number | null;
  lookup_code: string | null;
  entered_ms: number;
  arrived_ms: number | null;
  called_ms: number | null;
  done_ms: number | null;
  no_shows: number;
  first_estimate_made_ms: number | null;
  first_estimate_call_ms: number | null;
}
