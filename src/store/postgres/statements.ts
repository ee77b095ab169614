import type { InterventionSource } from "../../domain/sources.js";
import { SOURCE_TABLES } from "../../domain/sources.js";
import { DETAIL_COLUMNS } from "../detail-columns.js";
import { USAGE_FIELDS } from "../rollup-delta.js";
import {
  detailColumns,
  HOLDOUT_COLUMNS,
  LEDGER_COLUMNS,
  MANIFEST_INJECTION_COLUMNS,
  OBSERVATION_COLUMNS,
  USAGE_COLUMNS,
} from "../rows.js";
import { PG_ARRAY_TYPE, type PgArrayType, unnestInsert } from "./unnest.js";

const RETURN_NEW = "on conflict do nothing returning id";

export const INSERT_LEDGER = unnestInsert(
  "savings_ledger",
  LEDGER_COLUMNS,
  [
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
  ],
  RETURN_NEW,
);

export const INSERT_HOLDOUTS = unnestInsert(
  "holdouts",
  HOLDOUT_COLUMNS,
  ["text", "text", "text", "text", "timestamptz", "text"],
  RETURN_NEW,
);

const USAGE_TYPES: PgArrayType[] = [
  "text",
  "text",
  "text",
  "timestamptz",
  "text",
  ...Array<PgArrayType>(6).fill("int8"),
  "text",
];

export const INSERT_USAGE = unnestInsert(
  "usage_records",
  USAGE_COLUMNS,
  USAGE_TYPES,
  RETURN_NEW,
);

export const INSERT_OBSERVATIONS = unnestInsert(
  "observations",
  OBSERVATION_COLUMNS,
  [
    "text",
    "text",
    "text",
    "text",
    "float8",
    "int8",
    "text",
    "text",
    "timestamptz",
  ],
  RETURN_NEW,
);

export const INSERT_INJECTIONS = unnestInsert(
  "agent_manifest_injections",
  MANIFEST_INJECTION_COLUMNS,
  ["int8", "text", "int8", "int8", "bool", "timestamptz"],
  "on conflict do nothing",
);

export const INSERT_DETAIL = Object.fromEntries(
  Object.entries(SOURCE_TABLES).map(([source, table]) => {
    const s = source as InterventionSource;
    const types: PgArrayType[] = [
      "text",
      "text",
      ...DETAIL_COLUMNS[s].map(([, kind]) => PG_ARRAY_TYPE[kind]),
      "timestamptz",
    ];
    return [s, unnestInsert(table, detailColumns(s), types, "")];
  }),
) as Record<InterventionSource, string>;

const SAVINGS_SUMS = [
  "interventions",
  "holdouts",
  "estimated_tokens_saved",
  "pending",
];

export const UPSERT_SAVINGS = unnestInsert(
  "savings_rollups",
  ["customer", "project", "day", "source", "type", ...SAVINGS_SUMS],
  [
    ...Array<PgArrayType>(5).fill("text"),
    ...Array<PgArrayType>(4).fill("int8"),
  ],
  `on conflict (customer, project, day, source, type) do update set ${adding(
    "savings_rollups",
    SAVINGS_SUMS,
  )}`,
);

export const UPSERT_USAGE = unnestInsert(
  "usage_rollups",
  ["customer", "project", "day", "model", "priced_by_source", ...USAGE_FIELDS],
  [
    ...Array<PgArrayType>(4).fill("text"),
    ...Array<PgArrayType>(8).fill("int8"),
  ],
  `on conflict (customer, project, day, model, priced_by_source) do update set ${adding(
    "usage_rollups",
    USAGE_FIELDS,
  )}`,
);

function adding(table: string, sums: readonly string[]): string {
  return sums.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(", ");
}
