import { type Kysely, sql } from "kysely";
import type { Database } from "../store/schema.js";
import type { ReportFilter } from "./filters.js";

/** Usage of one task and model on one day, priced or not by its source. */
export interface TaskUsageRow {
  readonly correlation_id: string;
  readonly project: string;
  readonly customer: string;
  readonly started_at: string | null;
  readonly model: string | null;
  readonly day: string | null;
  readonly first_at: string | null;
  readonly requests: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_5m_tokens: number;
  readonly cache_write_1h_tokens: number;
  /** Requests that carried their own cost, and that cost. */
  readonly priced_requests: number;
  readonly source_cost_micros: number;
}

/** Every task of the report's project and customer with its usage. */
export async function taskUsage(
  db: Kysely<Database>,
  f: ReportFilter,
): Promise<TaskUsageRow[]> {
  const project = f.project ?? null;
  const customer = f.customer ?? null;
  const result = await sql<Record<string, unknown>>`
    select t.correlation_id, t.project, t.customer, t.started_at,
      u.model, u.day, min(u.at) as first_at, count(u.id) as requests,
      coalesce(sum(u.input_tokens), 0) as input_tokens,
      coalesce(sum(u.output_tokens), 0) as output_tokens,
      coalesce(sum(u.cache_read_tokens), 0) as cache_read_tokens,
      coalesce(sum(u.cache_write_5m_tokens), 0) as cache_write_5m_tokens,
      coalesce(sum(u.cache_write_1h_tokens), 0) as cache_write_1h_tokens,
      count(u.cost_usd_micros) as priced_requests,
      coalesce(sum(u.cost_usd_micros), 0) as source_cost_micros
    from tasks t left join usage_records u on u.correlation_id = t.correlation_id
    where (cast(${project} as text) is null or t.project = ${project})
      and (cast(${customer} as text) is null or t.customer = ${customer})
    group by t.correlation_id, t.project, t.customer, t.started_at, u.model, u.day`.execute(
    db,
  );
  return result.rows.map(toRow);
}

const COUNTS = [
  "requests",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_5m_tokens",
  "cache_write_1h_tokens",
  "priced_requests",
  "source_cost_micros",
] as const;

function toRow(r: Record<string, unknown>): TaskUsageRow {
  const row: Record<string, unknown> = { ...r };
  for (const c of COUNTS) row[c] = Number(r[c] ?? 0);
  return row as unknown as TaskUsageRow;
}
