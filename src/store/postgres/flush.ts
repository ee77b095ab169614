import { type RollupDelta, USAGE_FIELDS } from "../rollup-delta.js";
import { DELETE_EMPTY_ROLLUPS } from "../rollup-sql.js";
import type { PgClient } from "./driver.js";
import { UPSERT_USAGE } from "./statements.js";
import { columnsOf } from "./unnest.js";

/**
 * The batch's changes to savings rollups as array literals, in the
 * column order `INSERT_INTERVENTIONS` adds them in.
 */
export function savingsColumns(delta: RollupDelta): string[] {
  const rows = [...delta.savings.values()].map((r) => [
    r.customer,
    r.project,
    r.day,
    r.source,
    r.type,
    r.interventions,
    r.holdouts,
    r.estimated_tokens_saved,
    r.pending,
  ]);
  return columnsOf(rows, 9);
}

/**
 * Writes the usage rollup changes, after the savings rollups as every
 * writer does. Rows go in key order so that two processes updating the
 * same rollups lock them in the same order.
 */
export async function flushRollups(client: PgClient, delta: RollupDelta) {
  const usage = sortedByKey(delta.usage).map((r) => [
    r.customer,
    r.project,
    r.day,
    r.model,
    r.priced_by_source,
    ...USAGE_FIELDS.map((f) => r[f]),
  ]);
  if (usage.length > 0) await client.query(UPSERT_USAGE, columnsOf(usage, 12));
  if (delta.emptiesRows) {
    for (const sql of DELETE_EMPTY_ROLLUPS) await client.query(sql);
  }
}

function sortedByKey<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.keys()].sort().map((k) => map.get(k) as T);
}
