import { USAGE_FIELDS } from "../rollup-delta.js";
import { addingSums, USAGE_KEY } from "../rollup-sql.js";
import {
  HOLDOUT_COLUMNS,
  OBSERVATION_COLUMNS,
  USAGE_COLUMNS,
} from "../rows.js";
import { type PgArrayType, unnestInsert } from "./unnest.js";

const RETURN_NEW = "on conflict do nothing returning id";

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

export const UPSERT_USAGE = unnestInsert(
  "usage_rollups",
  [...USAGE_KEY, ...USAGE_FIELDS],
  [
    ...Array<PgArrayType>(4).fill("text"),
    ...Array<PgArrayType>(8).fill("int8"),
  ],
  `on conflict (${USAGE_KEY.join(", ")}) do update set ${addingSums(
    "usage_rollups",
    USAGE_FIELDS,
  )}`,
);
