import type {
  HoldoutRecord,
  InterventionRecord,
  ObservationRecord,
  TaskRecord,
  UsageRecord,
} from "../domain/normalized.js";
import type { InterventionSource } from "../domain/sources.js";
import { DETAIL_COLUMNS } from "./detail-columns.js";
import type { DialectName } from "./dialect.js";
import type { TasksTable } from "./schema.js";

export type SqlValue = string | number | boolean | null;

export const LEDGER_COLUMNS = [
  "id",
  "correlation_id",
  "source",
  "type",
  "at",
  "day",
  "estimated_tokens_saved",
  "confidence",
  "claim",
  "derived",
] as const;

/** Where each column sits in `ledgerValues`. */
export const LEDGER_INDEX = Object.freeze(
  Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c, i])),
) as Readonly<Record<(typeof LEDGER_COLUMNS)[number], number>>;

export const USAGE_COLUMNS = [
  "id",
  "correlation_id",
  "model",
  "at",
  "day",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_5m_tokens",
  "cache_write_1h_tokens",
  "cost_usd_micros",
  "request_id",
] as const;

export const HOLDOUT_COLUMNS = [
  "id",
  "correlation_id",
  "source",
  "type",
  "at",
  "day",
] as const;

export const TASK_COLUMNS = [
  "correlation_id",
  "id",
  "project",
  "customer",
  "agent",
  "description",
  "started_at",
  "ended_at",
  "outcome",
] as const;

export const OBSERVATION_COLUMNS = [
  "id",
  "source",
  "type",
  "method",
  "value_tokens",
  "n",
  "project",
  "customer",
  "at",
] as const;

export function observationValues(r: ObservationRecord): SqlValue[] {
  return OBSERVATION_COLUMNS.map((c) => r[c]);
}

export const MANIFEST_INJECTION_COLUMNS = [
  "id",
  "correlation_id",
  "patterns_provided",
  "schemas_provided",
  "debug_intelligence_provided",
  "created_at",
] as const;

export function detailColumns(source: InterventionSource): string[] {
  const own = DETAIL_COLUMNS[source].map(([name]) => name);
  return ["id", "correlation_id", ...own, "created_at"];
}

export function ledgerValues(r: InterventionRecord): SqlValue[] {
  return [
    r.id,
    r.correlation_id,
    r.source,
    r.type,
    r.at,
    r.day,
    r.estimated_tokens_saved,
    r.confidence,
    r.claim,
    r.derived.length > 0 ? r.derived.join(",") : null,
  ];
}

export function detailValues(
  r: InterventionRecord,
  dialect: DialectName,
): SqlValue[] {
  const values: SqlValue[] = [r.id, r.correlation_id];
  for (const [name, kind] of DETAIL_COLUMNS[r.source]) {
    const value = r.detail[name] ?? null;
    values.push(kind === "bool" ? boolValue(value, dialect) : value);
  }
  values.push(r.at);
  return values;
}

export function manifestInjectionValues(
  r: InterventionRecord,
  dialect: DialectName,
): SqlValue[] | null {
  const id = r.detail.manifest_injection_id;
  if (r.source !== "manifest_intelligence" || id == null) return null;
  return [
    id,
    r.correlation_id,
    r.detail.patterns_provided ?? null,
    r.detail.schemas_provided ?? null,
    boolValue(r.detail.debug_intelligence_provided ?? null, dialect),
    r.at,
  ];
}

export function usageValues(r: UsageRecord): SqlValue[] {
  return USAGE_COLUMNS.map((c) => r[c]);
}

export function holdoutValues(r: HoldoutRecord): SqlValue[] {
  return HOLDOUT_COLUMNS.map((c) => r[c]);
}

export function taskValues(r: TaskRecord): SqlValue[] {
  return TASK_COLUMNS.map((c) => r[c]);
}

function boolValue(value: SqlValue, dialect: DialectName): SqlValue {
  if (value === null || dialect === "postgres") return value;
  return value ? 1 : 0;
}

export function insertSql(
  table: string,
  columns: readonly string[],
  conflict = "on conflict do nothing",
): string {
  const params = columns.map((_, i) => `$${i + 1}`).join(", ");
  return `insert into ${table} (${columns.join(", ")}) values (${params}) ${conflict}`;
}

const TASK_SET = TASK_COLUMNS.filter((c) => c !== "correlation_id");

export const UPDATE_TASK = `update tasks set ${TASK_SET.map(
  (c, i) => `${c} = $${i + 1}`,
).join(", ")} where correlation_id = $${TASK_SET.length + 1}`;

export function taskUpdateValues(row: TasksTable): SqlValue[] {
  return [...TASK_SET.map((c) => row[c]), row.correlation_id];
}

const USAGE_SET = USAGE_COLUMNS.filter((c) => c !== "id");

export const UPDATE_USAGE = `update usage_records set ${USAGE_SET.map(
  (c, i) => `${c} = $${i + 1}`,
).join(", ")} where id = $${USAGE_SET.length + 1}`;

export function usageUpdateValues(r: UsageRecord): SqlValue[] {
  return [...USAGE_SET.map((c) => r[c]), r.id];
}
