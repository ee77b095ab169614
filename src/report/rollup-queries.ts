import type { Kysely, SelectQueryBuilder } from "kysely";
import type { Database } from "../store/schema.js";
import type { ReportFilter } from "./filters.js";

type Rollup = "savings_rollups" | "usage_rollups";

function filtered<O>(
  query: SelectQueryBuilder<Database, Rollup, O>,
  f: ReportFilter,
): SelectQueryBuilder<Database, Rollup, O> {
  let q = query;
  if (f.project !== undefined) q = q.where("project", "=", f.project);
  if (f.customer !== undefined) q = q.where("customer", "=", f.customer);
  if (f.since !== undefined) q = q.where("day", ">=", f.since);
  if (f.until !== undefined) q = q.where("day", "<=", f.until);
  return q;
}

export interface SourceTotals {
  readonly source: string;
  readonly interventions: number;
  readonly holdouts: number;
  readonly tokens_saved: number;
  readonly pending: number;
}

/** Interventions and claimed tokens per source, from the rollups. */
export async function savingsBySource(
  db: Kysely<Database>,
  f: ReportFilter,
): Promise<SourceTotals[]> {
  const { sum } = db.fn;
  const rows = await filtered(
    db
      .selectFrom("savings_rollups")
      .select([
        "source",
        sum<string>("interventions").as("interventions"),
        sum<string>("holdouts").as("holdouts"),
        sum<string>("estimated_tokens_saved").as("tokens_saved"),
        sum<string>("pending").as("pending"),
      ])
      .groupBy("source"),
    f,
  ).execute();
  return rows.map((r) => ({
    source: r.source,
    interventions: Number(r.interventions),
    holdouts: Number(r.holdouts),
    tokens_saved: Number(r.tokens_saved),
    pending: Number(r.pending),
  }));
}

export interface UsageTotals {
  readonly requests: number;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_5m_tokens: number;
  readonly cache_write_1h_tokens: number;
}

export async function usageTotals(
  db: Kysely<Database>,
  f: ReportFilter,
): Promise<UsageTotals> {
  const { sum } = db.fn;
  const row = await filtered(
    db
      .selectFrom("usage_rollups")
      .select([
        sum<string>("requests").as("requests"),
        sum<string>("input_tokens").as("input_tokens"),
        sum<string>("output_tokens").as("output_tokens"),
        sum<string>("cache_read_tokens").as("cache_read_tokens"),
        sum<string>("cache_write_5m_tokens").as("cache_write_5m_tokens"),
        sum<string>("cache_write_1h_tokens").as("cache_write_1h_tokens"),
      ]),
    f,
  ).executeTakeFirst();
  return {
    requests: Number(row?.requests ?? 0),
    input_tokens: Number(row?.input_tokens ?? 0),
    output_tokens: Number(row?.output_tokens ?? 0),
    cache_read_tokens: Number(row?.cache_read_tokens ?? 0),
    cache_write_5m_tokens: Number(row?.cache_write_5m_tokens ?? 0),
    cache_write_1h_tokens: Number(row?.cache_write_1h_tokens ?? 0),
  };
}
