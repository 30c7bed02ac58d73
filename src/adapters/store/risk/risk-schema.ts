/** The tables of risk targeting as Kysely sees them (see schema.ts for how values are typed on both dialects). */
import type { Channel } from '../../../core/model/channel.js';
import type { Flag, Json, Timestamp } from '../schema.js';

export interface RiskRuleSetsTable {
  rule_set_id: string;
  version: number;
  text: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  active: Flag;
  activated_by: string | null;
  activated_at: Timestamp | null;
}

export interface RiskAssessmentsTable {
  id: string;
  declaration_id: string;
  trigger: string;
  assessed_by: string;
  at: Timestamp;
  // The decision's figures are columns, so that reports can filter and count them; the whole of it is JSON.
  rule_set_id: string;
  rule_set_version: number;
  score: number;
  targeted_channel: Channel;
  channel: Channel;
  randomly_selected: Flag;
  draw: number;
  key_id: string;
  assessment: Json;
  context: Json;
}

export interface RiskInspectionsTable {
  id: string;
  declaration_id: string;
  place_kind: 'roadside' | 'crossing';
  team_id: string | null;
  crossing: string | null;
  selection: 'targeted' | 'random';
  results: Json;
  notes: string | null;
  inspected_by: string;
  at: Timestamp;
}

export interface RiskTeamsTable {
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
  position_at: Timestamp | null;
  shift_start: Timestamp | null;
  shift_end: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RiskAssignmentsTable {
  id: string;
  team_id: string;
  declaration_id: string;
  trip_id: string;
  channel: Channel;
  score: number;
  assigned_by: string;
  at: Timestamp;
}

export interface RiskInstallationKeyTable {
  /** Always `installation`: the key makes the table hold one row. */
  slot: string;
  key_id: string;
  /** Base64. */
  secret: string;
  created_at: Timestamp;
}

export interface RiskTables {
  risk_rule_sets: RiskRuleSetsTable;
  risk_assessments: RiskAssessmentsTable;
  risk_inspections: RiskInspectionsTable;
  risk_teams: RiskTeamsTable;
  risk_assignments: RiskAssignmentsTable;
  risk_installation_key: RiskInstallationKeyTable;
}
