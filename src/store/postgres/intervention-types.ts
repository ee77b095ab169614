import type { InterventionSource } from "../../domain/sources.js";
import { DETAIL_COLUMNS } from "../detail-columns.js";
import { PG_ARRAY_TYPE, type PgArrayType } from "./unnest.js";

/** The element types of the arrays `INSERT_INTERVENTIONS` takes. */
export const LEDGER_TYPES: readonly PgArrayType[] = [
  "text",
  "text",
  "text",
  "text",
  "timestamptz",
  "text",
  "int8",
  "float8",
  "text",
  "text",
];

/** The intervention's id, then the injection's own columns. */
export const INJECTION_TYPES: readonly PgArrayType[] = [
  "text",
  "int8",
  "text",
  "int8",
  "int8",
  "bool",
  "timestamptz",
];

export function detailTypes(source: InterventionSource): PgArrayType[] {
  return [
    "text",
    "text",
    ...DETAIL_COLUMNS[source].map(([, kind]) => PG_ARRAY_TYPE[kind]),
    "timestamptz",
  ];
}
