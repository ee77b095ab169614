import type { z } from "zod";
import { ValidationError } from "../../domain/errors.js";
import { interventionSchemas } from "../../domain/records.js";
import { INTERVENTION_SOURCES } from "../../domain/sources.js";
import { normalizeRecord } from "../../ingest/normalize.js";
import { DB_OPTION, dbTarget, type Options, parse } from "../args.js";
import type { Command } from "../command.js";
import { type Io, write } from "../io.js";
import { UsageError } from "../usage-error.js";
import { withStore } from "../with-store.js";
import {
  type FieldKind,
  fieldKind,
  fieldValue,
  kebab,
} from "./track-fields.js";

/** Every field of every source, by flag name. */
const FIELDS = new Map<string, { field: string; kind: FieldKind }>();
for (const schema of Object.values(interventionSchemas)) {
  for (const [field, type] of Object.entries(schema.shape)) {
    if (field === "kind" || field === "source") continue;
    FIELDS.set(kebab(field), { field, kind: fieldKind(type as z.ZodType) });
  }
}

const OPTIONS: Options = {
  ...DB_OPTION,
  source: { type: "string" },
  description: { type: "string" },
  project: { type: "string" },
  customer: { type: "string" },
  json: { type: "boolean" },
  ...Object.fromEntries(
    [...FIELDS.keys()].map((flag) => [flag, { type: "string" }]),
  ),
};

const HELP = `Usage: tokenledger track --correlation-id ID --source SOURCE [fields…]

Records one intervention: something the tooling did. For example:

  tokenledger track --correlation-id "$CORRELATION_ID" \\
    --source hook_correction --intervention-type password_correction \\
    --description "Corrected PostgreSQL password from .env"

Sources: ${INTERVENTION_SOURCES.join(", ")}.
Every column of the source's table in the specification is a flag, in
kebab-case: --task-description, --patterns-provided, --baseline-tokens, …
--description fills the source's description column. --id sets an
idempotency key: tracking the same id twice records it once.
--project and --customer also record the task the intervention belongs to.

Flags: ${[...FIELDS.keys()].map((f) => `--${f}`).join(" ")}
`;

export const track: Command = {
  name: "track",
  help: HELP,
  async run(argv, io) {
    const { values } = parse("track", argv, OPTIONS);
    if (values.help) return write(io.stdout, HELP).then(() => 0);
    const record = interventionFrom(values);
    const records = [normalize(record)];
    const project = values.project;
    if (typeof project === "string") {
      const task = {
        kind: "task",
        correlation_id: record.correlation_id,
        project,
        customer: values.customer,
      };
      records.unshift(normalize(task));
    }
    const result = await withStore(dbTarget(values, io.env), (s) =>
      s.write(records),
    );
    const conflict = result.conflicts[0];
    if (conflict) throw new UsageError(conflict.message);
    return reportTracked(
      io,
      records.at(-1)?.id ?? "",
      result.accepted > 0,
      values.json === true,
    );
  },
};

function normalize(record: Record<string, unknown>) {
  try {
    return normalizeRecord(record);
  } catch (error) {
    return asFlagError(error);
  }
}

function interventionFrom(
  values: Record<string, unknown>,
): Record<string, unknown> {
  const source = values.source;
  if (typeof source !== "string")
    throw new UsageError(
      "track needs --source (see: tokenledger track --help)",
    );
  const record: Record<string, unknown> = { kind: "intervention", source };
  for (const [flag, text] of Object.entries(values)) {
    const spec = FIELDS.get(flag);
    if (spec && typeof text === "string")
      record[spec.field] = fieldValue(flag, spec.kind, text);
  }
  if (typeof values.description === "string") {
    record[descriptionColumn(source)] ??= values.description;
  }
  record.at ??= new Date().toISOString();
  return record;
}

function descriptionColumn(source: string): string {
  if (source === "hook_correction") return "intervention_description";
  if (source in interventionSchemas) {
    const shape =
      interventionSchemas[source as keyof typeof interventionSchemas].shape;
    if ("task_description" in shape) return "task_description";
  }
  throw new UsageError(
    `--description: source ${source} has no description column; use its own fields (see: tokenledger track --help)`,
  );
}

/** Names the flag, not the record field, in a validation error. */
function asFlagError(error: unknown): never {
  if (error instanceof ValidationError) {
    const message = error.message.replace(
      /^([a-z0-9_]+):/,
      (_, f: string) => `--${kebab(f)}:`,
    );
    throw new UsageError(message);
  }
  throw error;
}

async function reportTracked(
  io: Io,
  id: string,
  stored: boolean,
  json: boolean,
) {
  if (json) await write(io.stdout, `${JSON.stringify({ id, stored })}\n`);
  else {
    await write(io.stdout, `${id}\n`);
    await write(
      io.stderr,
      stored ? "tracked\n" : "already tracked: nothing changed\n",
    );
  }
  return 0;
}
