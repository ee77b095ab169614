import { USAGE_FIELDS } from "./rollup-delta.js";

export const SAVINGS_KEY = ["customer", "project", "day", "source", "type"];
export const SAVINGS_SUMS = [
  "interventions",
  "holdouts",
  "estimated_tokens_saved",
  "pending",
];
export const USAGE_KEY = [
  "customer",
  "project",
  "day",
  "model",
  "priced_by_source",
];

/** The `do update set` of an upsert that adds its row's sums to the stored ones. */
export function addingSums(table: string, sums: readonly string[]): string {
  return sums.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(", ");
}

/** Upsert adding a delta to one rollup row; `$n` parameters in column order. */
function addingUpsert(table: string, keys: string[], sums: readonly string[]) {
  const columns = [...keys, ...sums];
  const params = columns.map((_, i) => `$${i + 1}`).join(", ");
  return `insert into ${table} (${columns.join(", ")}) values (${params})
    on conflict (${keys.join(", ")}) do update set ${addingSums(table, sums)}`;
}

export const SAVINGS_ROLLUP_COLUMNS = [...SAVINGS_KEY, ...SAVINGS_SUMS];
export const USAGE_ROLLUP_COLUMNS = [...USAGE_KEY, ...USAGE_FIELDS];

export const UPSERT_SAVINGS_ROLLUP = addingUpsert(
  "savings_rollups",
  SAVINGS_KEY,
  SAVINGS_SUMS,
);
export const UPSERT_USAGE_ROLLUP = addingUpsert(
  "usage_rollups",
  USAGE_KEY,
  USAGE_FIELDS,
);

/** Rows emptied by moving records to their task's project are removed. */
export const DELETE_EMPTY_ROLLUPS = [
  `delete from savings_rollups where customer = '' and project = ''
    and interventions = 0 and holdouts = 0`,
  `delete from usage_rollups where customer = '' and project = ''
    and requests = 0`,
];

/**
 * PostgreSQL numbers its parameters `$1`; better-sqlite3 binds a list of
 * values only to plain `?`, so every statement shared by both dialects uses
 * each parameter once, in order.
 */
export function forSqlite(sql: string): string {
  let next = 1;
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    if (Number(n) !== next++)
      throw new Error(`parameters out of order in: ${sql}`);
    return "?";
  });
}
