import { type Kysely, sql } from "kysely";
import type { Database } from "../store/schema.js";
import type { ReportFilter } from "./filters.js";
import type { RequestRow } from "./pricer.js";

/** A task of the report's scope, with its requests. */
export interface TaskRequests {
  readonly correlation_id: string;
  readonly project: string;
  readonly customer: string;
  readonly started_at: string | null;
  readonly requests: RequestRow[];
}

const NUMBERS = [
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_5m_tokens",
  "cache_write_1h_tokens",
] as const;

/**
 * Every task of the report's project and customer with each of its
 * requests: pricing is per request, so long-context tiers apply as billed.
 */
export async function taskRequests(
  db: Kysely<Database>,
  f: ReportFilter,
): Promise<TaskRequests[]> {
  const project = f.project ?? null;
  const customer = f.customer ?? null;
  const result = await sql<Record<string, unknown>>`
    select t.correlation_id, t.project, t.customer, t.started_at, u.model, u.at,
      u.input_tokens, u.output_tokens, u.cache_read_tokens,
      u.cache_write_5m_tokens, u.cache_write_1h_tokens, u.cost_usd_micros
    from tasks t left join usage_records u on u.correlation_id = t.correlation_id
    where (cast(${project} as text) is null or t.project = ${project})
      and (cast(${customer} as text) is null or t.customer = ${customer})`.execute(
    db,
  );
  const tasks = new Map<string, TaskRequests>();
  for (const r of result.rows) {
    const id = String(r.correlation_id);
    let task = tasks.get(id);
    if (!task) {
      task = {
        correlation_id: id,
        project: String(r.project),
        customer: String(r.customer),
        started_at: (r.started_at as string | null) ?? null,
        requests: [],
      };
      tasks.set(id, task);
    }
    if (r.model !== null && r.model !== undefined)
      task.requests.push(request(r, task.customer));
  }
  return [...tasks.values()];
}

function request(r: Record<string, unknown>, customer: string): RequestRow {
  const counts = Object.fromEntries(NUMBERS.map((c) => [c, Number(r[c] ?? 0)]));
  return {
    model: String(r.model),
    at: String(r.at),
    customer,
    ...(counts as Record<(typeof NUMBERS)[number], number>),
    cost_usd_micros:
      r.cost_usd_micros === null ? null : Number(r.cost_usd_micros),
  };
}
