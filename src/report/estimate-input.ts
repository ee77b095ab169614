import { type Kysely, sql } from "kysely";
import { SOURCE_TABLES } from "../domain/sources.js";
import type {
  EstimateCacheUsage,
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
import { type TaskRequests, taskRequests } from "./task-usage.js";

type Db = Kysely<Database>;

/**
 * Whether a ledger or holdout row is in the report: by its task, or by its
 * own day when no task record has its correlation id (`task` null).
 */
type InScope = (correlationId: string, day: string, task: unknown) => boolean;

/**
 * What the estimation engine needs for a report: the tasks of its project,
 * customer and period with their measured usage, and their interventions
 * and holdouts. A task belongs to the period of the day it started (its
 * first request when it has no start). Interventions and holdouts whose
 * task was never recorded (a hook that only tracks) belong to no project
 * or customer, and to the period of their own day.
 */
export async function estimateInput(
  db: Db,
  f: ReportFilter,
  pricer: Pricer,
): Promise<EstimateInput> {
  const scoped = (await taskRequests(db, f)).filter((t) =>
    inPeriod(dayOf(t), f),
  );
  const tasks = scoped.map((t) => taskOf(t, pricer));
  const ids = new Set(tasks.map((t) => t.correlation_id));
  const inScope: InScope = (correlationId, day, task) =>
    task === null ? inPeriod(day, f) : ids.has(correlationId);
  const [interventions, holdouts, observations] = await Promise.all([
    interventionsOf(db, f, inScope),
    holdoutsOf(db, f, inScope),
    observationsOf(db, f),
  ]);
  return {
    tasks,
    interventions,
    holdouts,
    observations,
    cache: scoped.flatMap((t) => cacheOf(t, pricer)),
  };
}

/** The day a task belongs to: its start, else its first request. */
function dayOf(t: TaskRequests): string {
  if (t.started_at) return t.started_at.slice(0, 10);
  const first = t.requests.reduce<string | null>(
    (a, r) => (a === null || r.at < a ? r.at : a),
    null,
  );
  return first?.slice(0, 10) ?? "";
}

function inPeriod(day: string, f: ReportFilter): boolean {
  if (day === "") return f.since === undefined && f.until === undefined;
  return (
    (f.since === undefined || day >= f.since) &&
    (f.until === undefined || day <= f.until)
  );
}

/** A task's tokens and cost; the cost is null when any request is unpriced. */
function taskOf(t: TaskRequests, pricer: Pricer): EstimateTask {
  let tokens = 0;
  let cost: number | null = 0;
  for (const r of t.requests) {
    tokens +=
      r.input_tokens +
      r.output_tokens +
      r.cache_read_tokens +
      r.cache_write_5m_tokens +
      r.cache_write_1h_tokens;
    const c = pricer.cost(r);
    cost = cost === null || c === null ? null : cost + c;
  }
  return {
    correlation_id: t.correlation_id,
    project: t.project,
    customer: t.customer,
    started_at: t.started_at,
    tokens,
    cost_usd_micros: cost,
  };
}

/** Prompt-cache savings of a task, priced request by request. */
function cacheOf(t: TaskRequests, pricer: Pricer): EstimateCacheUsage[] {
  return t.requests
    .filter(
      (r) =>
        r.cache_read_tokens +
          r.cache_write_5m_tokens +
          r.cache_write_1h_tokens >
        0,
    )
    .flatMap((r) => {
      const saving = pricer.cacheSaving(r);
      if (!saving) return [];
      return [
        {
          correlation_id: t.correlation_id,
          model: r.model,
          cache_read_tokens: r.cache_read_tokens,
          cache_write_5m_tokens: r.cache_write_5m_tokens,
          cache_write_1h_tokens: r.cache_write_1h_tokens,
          saved_micros: saving.micros,
          saved_tokens: saving.tokens,
        },
      ];
    });
}

async function interventionsOf(
  db: Db,
  f: ReportFilter,
  inScope: InScope,
): Promise<EstimateIntervention[]> {
  const out: EstimateIntervention[] = [];
  for (const [source, table] of Object.entries(SOURCE_TABLES)) {
    const kinds = DETAIL_COLUMNS[source as keyof typeof DETAIL_COLUMNS];
    const columns = kinds.map(([c]) => c);
    const rows = await sql<Record<string, string | number | boolean | null>>`
      select l.id, l.correlation_id, l.source, l.type, l.at, l.day,
        l.estimated_tokens_saved, l.derived, t.correlation_id as task,
        ${sql.join(columns.map((c) => sql.ref(`d.${c}`)))}
      from savings_ledger l
      join ${sql.table(table)} d on d.id = l.id
      left join tasks t on t.correlation_id = l.correlation_id
      where ${scope(f)}`.execute(db);
    for (const r of rows.rows) {
      const { correlation_id: id, day, task } = r;
      if (inScope(String(id), String(day), task)) {
        out.push(toIntervention(r, kinds));
      }
    }
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

async function holdoutsOf(
  db: Db,
  f: ReportFilter,
  inScope: InScope,
): Promise<EstimateHoldout[]> {
  const rows = await sql<EstimateHoldout & { day: string; task: unknown }>`
    select h.correlation_id, h.source, h.type, h.day,
      t.correlation_id as task
    from holdouts h left join tasks t on t.correlation_id = h.correlation_id
    where ${scope(f)} and h.source <> 'prompt_cache'`.execute(db);
  const kept = rows.rows.filter((r) =>
    inScope(r.correlation_id, r.day, r.task),
  );
  return kept.map(({ correlation_id, source, type }) => ({
    correlation_id,
    source,
    type,
  }));
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

/**
 * Rows of the tasks of the report's project and customer; rows without a
 * task only when the report names neither.
 */
function scope(f: ReportFilter) {
  const project = f.project ?? null;
  const customer = f.customer ?? null;
  return sql`(cast(${project} as text) is null or t.project = ${project})
    and (cast(${customer} as text) is null or t.customer = ${customer})`;
}
