import type { ColumnKind } from "../detail-columns.js";
import { arrayLiteral } from "./array-literal.js";

export type PgArrayType = "text" | "int8" | "float8" | "bool" | "timestamptz";

export const PG_ARRAY_TYPE: Readonly<Record<ColumnKind, PgArrayType>> = {
  text: "text",
  bigint: "int8",
  micros: "int8",
  real: "float8",
  bool: "bool",
};

/**
 * One statement inserting many rows: each column travels as one array
 * parameter. Far fewer parameters than multi-row VALUES, so PostgreSQL
 * parses and plans it quickly whatever the batch size.
 */
export function unnestInsert(
  table: string,
  columns: readonly string[],
  types: readonly PgArrayType[],
  tail: string,
): string {
  const arrays = types.map((t, i) => `$${i + 1}::${t}[]`);
  return `insert into ${table} (${columns.join(", ")})
    select * from ${arrayRows(arrays, columns)} ${tail}`;
}

/**
 * Rows `u` whose columns are the elements of equally long arrays. The
 * arrays are unnested in the select list, in step: `unnest(a, b)` in
 * FROM would copy every row into a tuple store first, a fifth of the
 * server's work on a bulk insert.
 */
export function arrayRows(
  arrays: readonly string[],
  names: readonly string[],
): string {
  const columns = arrays.map((a, i) => `unnest(${a}) as ${names[i]}`);
  return `(select ${columns.join(", ")}) as u`;
}

/** Turns rows into one array literal per column, as `unnestInsert` takes. */
export function columnsOf(
  rows: readonly (readonly unknown[])[],
  width: number,
): string[] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    for (let i = 0; i < width; i++) out[i]?.push(row[i] ?? null);
  }
  return out.map(arrayLiteral);
}
