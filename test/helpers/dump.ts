import { sql } from "kysely";
import { SOURCE_TABLES } from "../../src/domain/sources.js";
import type { Store } from "../../src/store/store.js";

export const TABLES = [
  "tasks",
  "usage_records",
  "savings_ledger",
  "holdouts",
  "savings_rollups",
  "usage_rollups",
  "agent_manifest_injections",
  "observations",
  "import_files",
  ...Object.values(SOURCE_TABLES),
];

type Row = Record<string, unknown>;

/** Every row of every table, in a stable order and a dialect-free shape. */
export async function dumpTables(store: Store): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const table of TABLES) {
    const result = await sql<Row>`select * from ${sql.table(table)}`.execute(
      store.db,
    );
    out[table] = result.rows.map(plain).sort(byJson);
  }
  return out;
}

function plain(row: Row): Row {
  const out: Row = {};
  for (const key of Object.keys(row).sort()) {
    const value = row[key];
    out[key] = typeof value === "boolean" ? Number(value) : value;
  }
  return out;
}

function byJson(a: Row, b: Row): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
