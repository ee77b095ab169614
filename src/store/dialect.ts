import type { ColumnDataType } from "kysely";
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
