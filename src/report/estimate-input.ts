import { type Kysely, sql } from "kysely";
import { SOURCE_TABLES } from "../domain/sources.js";
import type {
  EstimateHoldout,
  EstimateInput,
  EstimateIntervention,
  EstimateObservation,
  EstimateTask,
} from "../estimate/index.js";
import { DETAIL_COLUMNS, type DetailColumns } from "../store/detail-columns.js";
import type { Database } from "../store/schema.js";
import type { ReportFilter } from "./filters.js";
import type { Pricer } from "./pricer.js";
import { type TaskUsageRow, taskUsage } from "./task-usage.js";

type Db = Kysely<Database>;

/**
 * What the estimation engine needs for a report: the tasks of its project,
 * customer and period with their measured usage, and their interventions
 * and holdouts. A task belongs to the period of the day it started (its
 * first request when it has no start).
 */
export async function estimateInput(
  db: Db,
  f: ReportFilter,
  price: Pricer,
): Promise<EstimateInput> {
  const tasks = tasksOf(await taskUsage(db, f), f, price);
  const ids = new Set(tasks.map((t) => t.correlation_id));
  const [interventions, holdouts, observations] = await Promise.all([
    interventionsOf(db, f),
    holdoutsOf(db, f),
    observationsOf(db, f),
  ]);
  return {
    tasks,
    interventions: interventions.filter((i) => ids.has(i.correlation_id)),
    holdouts: holdouts.filter((h) => ids.has(h.correlation_id)),
    observations,
  };
}

function tasksOf(
  rows: TaskUsageRow[],
  f: ReportFilter,
  price: Pricer,
): EstimateTask[] {
  const byTask = new Map<
    string,
    { task: EstimateTask; first: string | null }
  >();
  for (const row of rows) {
    const held = byTask.get(row.correlation_id);
    const cost = costOf(row, price);
    const tokens = totalTokens(row);
    if (!held) {
      const task = { ...pick(row), tokens, cost_usd_micros: cost };
      byTask.set(row.correlation_id, { task, first: row.first_at });
      continue;
    }
    held.task = {
      ...held.task,
      tokens: held.task.tokens + tokens,
      cost_usd_micros:
        held.task.cost_usd_micros === null || cost === null
          ? null
          : held.task.cost_usd_micros + cost,
    };
    if (row.first_at && (!held.first || row.first_at < held.first))
      held.first = row.first_at;
  }
  return [...byTask.values()]
    .filter(({ task, first }) =>
      inPeriod((task.started_at ?? first ?? "").slice(0, 10), f),
    )
    .map(({ task }) => task);
}

function pick(row: TaskUsageRow) {
  return {
    correlation_id: row.correlation_id,
    project: row.project,
    customer: row.customer,
    started_at: row.started_at,
  };
}

function inPeriod(day: string, f: ReportFilter): boolean {
  if (day === "") return f.since === undefined && f.until === undefined;
  return (
    (f.since === undefined || day >= f.since) &&
    (f.until === undefined || day <= f.until)
  );
}

function totalTokens(r: TaskUsageRow): number {
  return (
    r.input_tokens +
    r.output_tokens +
    r.cache_read_tokens +
    r.cache_write_5m_tokens +
    r.cache_write_1h_tokens
  );
}

/** Source-reported cost when every request has one, else priced here. */
function costOf(row: TaskUsageRow, price: Pricer): number | null {
  if (row.requests === 0 || row.model === null || row.day === null) return 0;
  if (row.priced_requests === row.requests) return row.source_cost_micros;
  if (row.priced_requests > 0) return null;
  return price({ ...row, model: row.model, day: row.day });
}

async function interventionsOf(
  db: Db,
  f: ReportFilter,
): Promise<EstimateIntervention[]> {
  const out: EstimateIntervention[] = [];
  for (const [source, table] of Object.entries(SOURCE_TABLES)) {
    const kinds = DETAIL_COLUMNS[source as keyof typeof DETAIL_COLUMNS];
    const columns = kinds.map(([c]) => c);
    const rows = await sql<Record<string, string | number | boolean | null>>`
      select l.id, l.correlation_id, l.source, l.type, l.at, l.estimated_tokens_saved, l.derived,
        ${sql.join(columns.map((c) => sql.ref(`d.${c}`)))}
      from savings_ledger l
      join ${sql.table(table)} d on d.id = l.id
      join tasks t on t.correlation_id = l.correlation_id
      where ${scope(f)}`.execute(db);
    for (const r of rows.rows) out.push(toIntervention(r, kinds));
  }
  return out;
}

function toIntervention(
  r: Record<string, string | number | boolean | null>,
  kinds: DetailColumns,
): EstimateIntervention {
  const detail: Record<string, string | number | boolean | null> = {};
  // Columns ingest filled from the specification's models are not evidence.
  const derived = new Set(String(r.derived ?? "").split(","));
  for (const [c, kind] of kinds) {
    if (derived.has(c)) continue;
    const value = r[c] ?? null;
    // SQLite keeps booleans as 0 and 1.
    detail[c] = kind === "bool" && value !== null ? Boolean(value) : value;
  }
  return {
    id: String(r.id),
    correlation_id: String(r.correlation_id),
    source: r.source as EstimateIntervention["source"],
    type: String(r.type),
    at: String(r.at),
    estimated_tokens_saved:
      r.estimated_tokens_saved === null
        ? null
        : Number(r.estimated_tokens_saved),
    detail,
  };
}

async function holdoutsOf(db: Db, f: ReportFilter): Promise<EstimateHoldout[]> {
  const rows = await sql<EstimateHoldout>`
    select h.correlation_id, h.source, h.type
    from holdouts h join tasks t on t.correlation_id = h.correlation_id
    where ${scope(f)} and h.source <> 'prompt_cache'`.execute(db);
  return rows.rows;
}

/** Observations of the report's project and customer, and general ones. */
async function observationsOf(
  db: Db,
  f: ReportFilter,
): Promise<EstimateObservation[]> {
  let query = db
    .selectFrom("observations")
    .select(["source", "type", "method", "value_tokens", "n"]);
  if (f.project !== undefined) {
    const project = f.project;
    query = query.where((eb) =>
      eb.or([eb("project", "is", null), eb("project", "=", project)]),
    );
  }
  if (f.customer !== undefined) {
    const customer = f.customer;
    query = query.where((eb) =>
      eb.or([eb("customer", "is", null), eb("customer", "=", customer)]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    source: r.source as EstimateObservation["source"],
    type: r.type,
    kind: r.method as EstimateObservation["kind"],
    value_tokens: Number(r.value_tokens),
    n: Number(r.n),
  }));
}

function scope(f: ReportFilter) {
  const project = f.project ?? null;
  const customer = f.customer ?? null;
  return sql`(cast(${project} as text) is null or t.project = ${project})
    and (cast(${customer} as text) is null or t.customer = ${customer})`;
}
