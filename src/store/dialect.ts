import { type ColumnDataType, type Expression, sql } from "kysely";
import type { ColumnKind } from "./detail-columns.js";

export type DialectName = "sqlite" | "postgres";

/** The SQL type of each column kind, per dialect. */
export function columnType(
  dialect: DialectName,
  kind: ColumnKind | "timestamp",
): ColumnDataType {
  switch (kind) {
    case "text":
      return "text";
    case "bigint":
    case "micros":
      return dialect === "postgres" ? "bigint" : "integer";
    case "real":
      return dialect === "postgres" ? "double precision" : "real";
    case "bool":
      return dialect === "postgres" ? "boolean" : "integer";
    case "timestamp":
      return dialect === "postgres" ? "timestamptz" : "text";
  }
}

/**
 * The type of id and correlation id columns. On PostgreSQL they compare
 * byte by byte, as on SQLite: ids mean nothing in any language, and the
 * database's own collation made index inserts on them cost a fifth more.
 */
export function keyType(
  dialect: DialectName,
): ColumnDataType | Expression<unknown> {
  return dialect === "postgres" ? sql`text collate "C"` : "text";
}
