import type { SOURCE_TABLES } from "../domain/sources.js";

/** Timestamps come back as ISO 8601 strings in UTC from both stores. */
type Timestamp = string;

export interface TasksTable {
  correlation_id: string;
  id: string;
  project: string;
  customer: string;
  agent: string | null;
  description: string | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  outcome: string | null;
}

export interface UsageRecordsTable {
  id: string;
  correlation_id: string;
  model: string;
  at: Timestamp;
  day: string;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_5m_tokens: number;
  cache_write_1h_tokens: number;
  cost_usd_micros: number | null;
  request_id: string | null;
}

export interface SavingsLedgerTable {
  id: string;
  correlation_id: string;
  source: string;
  type: string;
  at: Timestamp;
  day: string;
  estimated_tokens_saved: number | null;
  confidence: number | null;
  claim: string;
  /** Comma-separated detail columns filled in by ingest, or null. */
  derived: string | null;
}

export interface HoldoutsTable {
  id: string;
  correlation_id: string;
  source: string;
  type: string;
  at: Timestamp;
  day: string;
}

export interface SavingsRollupsTable {
  customer: string;
  project: string;
  day: string;
  source: string;
  type: string;
  interventions: number;
  holdouts: number;
  estimated_tokens_saved: number;
  pending: number;
}

export interface UsageRollupsTable {
  customer: string;
  project: string;
  day: string;
  model: string;
  /** 1 when these requests carried their own cost, 0 when priced later. */
  priced_by_source: number;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_5m_tokens: number;
  cache_write_1h_tokens: number;
  cost_usd_micros: number;
}

export interface ManifestInjectionsTable {
  id: number;
  correlation_id: string;
  patterns_provided: number | null;
  schemas_provided: number | null;
  debug_intelligence_provided: boolean | number | null;
  created_at: Timestamp;
}

export interface ObservationsTable {
  id: string;
  source: string;
  type: string;
  method: string;
  value_tokens: number;
  n: number;
  project: string | null;
  customer: string | null;
  at: Timestamp;
}

/** One log file as the last import of it left it. */
export interface ImportFilesTable {
  importer: string;
  path: string;
  dev: number;
  ino: number;
  size: number;
  read_offset: number;
  line: number;
  head: string;
  edge: string;
  /** The importer's carry-over between reads, as JSON. */
  context: string | null;
  imported_at: Timestamp;
}

/** A specification detail table; its columns are listed in detail-columns. */
export interface DetailTable {
  id: string;
  correlation_id: string;
  created_at: Timestamp;
  [column: string]: string | number | boolean | null;
}

type DetailTables = {
  [T in (typeof SOURCE_TABLES)[keyof typeof SOURCE_TABLES]]: DetailTable;
};

export interface Database extends DetailTables {
  tasks: TasksTable;
  usage_records: UsageRecordsTable;
  savings_ledger: SavingsLedgerTable;
  holdouts: HoldoutsTable;
  savings_rollups: SavingsRollupsTable;
  usage_rollups: UsageRollupsTable;
  agent_manifest_injections: ManifestInjectionsTable;
  observations: ObservationsTable;
  import_files: ImportFilesTable;
}
