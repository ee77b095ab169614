import type { z } from "zod";
import { ValidationError } from "../domain/errors.js";
import type { CorrelationId, RecordId } from "../domain/ids.js";
import { dayOf } from "../domain/ids.js";
import type { LedgerRecord } from "../domain/normalized.js";
import {
  holdoutSchema,
  type InterventionParsed,
  interventionSchemas,
  observationSchema,
  RECORD_KINDS,
  type RecordKind,
  taskSchema,
  usageSchema,
} from "../domain/records.js";
import { INTERVENTION_SOURCES } from "../domain/sources.js";
import { eitherOf, toMicros } from "./aliases.js";
import { fastParser } from "./fast-parse.js";
import { interventionParts } from "./interventions.js";
import { found, issueMessage } from "./issue-message.js";
import { contentId } from "./record-id.js";

type Raw = Record<string, unknown>;

export interface NormalizeOptions {
  /** Stands in for a missing `at`; the time of ingest by default. */
  readonly now?: () => string;
}

/**
 * Checks one record against its schema and turns it into what the store
 * keeps. Throws a `ValidationError` naming the field and what was wrong.
 */
export function normalizeRecord(
  input: unknown,
  options: NormalizeOptions = {},
): LedgerRecord {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new ValidationError(
      "",
      `expected a JSON object, got ${found(input)}`,
    );
  }
  const raw = input as Raw;
  const kind = raw.kind;
  if (!RECORD_KINDS.includes(kind as RecordKind)) {
    const kinds = RECORD_KINDS.join(", ");
    throw new ValidationError(
      "kind",
      `expected one of ${kinds}, got ${found(kind)}`,
    );
  }
  const now = options.now ?? (() => new Date().toISOString());
  switch (kind as RecordKind) {
    case "task":
      return task(raw);
    case "usage":
      return usage(raw);
    case "holdout":
      return holdout(raw, now);
    case "intervention":
      return intervention(raw, now);
    case "observation":
      return observation(raw, now);
  }
}

const fast = new WeakMap<z.ZodType, ((input: unknown) => unknown) | null>();

/** The compiled parser of a schema, made on first use. */
function fastOf(schema: z.ZodType): ((input: unknown) => unknown) | null {
  let parse = fast.get(schema);
  if (parse === undefined) {
    parse = fastParser(schema);
    fast.set(schema, parse);
  }
  return parse;
}

function check<S extends z.ZodType>(schema: S, raw: Raw): z.output<S> {
  const quick = fastOf(schema)?.(raw);
  if (quick !== undefined) return quick as z.output<S>;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const first = result.error.issues[0] as z.core.$ZodIssue;
  const known = Object.keys(
    (schema as unknown as z.ZodObject).shape ?? {},
  ).join(", ");
  const message = issueMessage(first, raw, known);
  const more = result.error.issues.length - 1;
  throw new ValidationError(
    "",
    more > 0 ? `${message} (and ${more} more)` : message,
  );
}

/** The record's own id, else one from its content (see `contentId`). */
function idOf(
  r: Raw & { id?: string },
  at?: string | null,
  changes?: Raw,
): RecordId {
  return (r.id as RecordId | undefined) ?? contentId(r, at, changes);
}

function task(raw: Raw): LedgerRecord {
  const r = check(taskSchema, raw);
  return {
    kind: "task",
    id: idOf(r, r.started_at),
    correlation_id: r.correlation_id as CorrelationId,
    project: r.project,
    customer: r.customer ?? "",
    agent: r.agent ?? null,
    description: r.description ?? null,
    started_at: r.started_at ?? null,
    ended_at: r.ended_at ?? null,
    outcome: r.outcome ?? null,
  };
}

function usage(raw: Raw): LedgerRecord {
  const r = check(usageSchema, raw);
  return {
    kind: "usage",
    id: idOf(r, r.at),
    correlation_id: r.correlation_id as CorrelationId,
    model: r.model,
    at: r.at,
    day: dayOf(r.at),
    input_tokens: r.input_tokens,
    output_tokens: r.output_tokens,
    cache_read_tokens: r.cache_read_tokens,
    cache_write_5m_tokens: r.cache_write_5m_tokens,
    cache_write_1h_tokens: r.cache_write_1h_tokens,
    cost_usd_micros: toMicros(r.cost_usd),
    request_id: r.request_id ?? null,
  };
}

function holdout(raw: Raw, now: () => string): LedgerRecord {
  const r = check(holdoutSchema, raw);
  const type = r.type ?? "default";
  const id = idOf(r, r.at, { type });
  const at = r.at ?? now();
  return {
    kind: "holdout",
    id,
    correlation_id: r.correlation_id as CorrelationId,
    source: r.source,
    type,
    at,
    day: dayOf(at),
  };
}

function intervention(raw: Raw, now: () => string): LedgerRecord {
  const source = raw.source;
  if (!INTERVENTION_SOURCES.includes(source as never)) {
    throw new ValidationError("source", unknownSource(source));
  }
  const schema =
    interventionSchemas[source as keyof typeof interventionSchemas];
  const r = check(schema as z.ZodType<InterventionParsed>, raw);
  const parts = interventionParts(r);
  const stamp = eitherOf<string>(r, "at", "created_at");
  const id = idOf(r, stamp, { ...ALIASES, at: stamp, type: parts.type });
  const at = stamp ?? now();
  return {
    kind: "intervention",
    id,
    correlation_id: r.correlation_id as CorrelationId,
    source: r.source,
    at,
    day: dayOf(at),
    type: parts.type,
    estimated_tokens_saved: parts.estimated_tokens_saved,
    confidence: parts.confidence,
    claim: parts.claim,
    detail: parts.detail,
    derived: parts.derived,
  };
}

/**
 * Other names of `at` and `type`: an intervention's id is the same
 * whichever name its tooling uses.
 */
const ALIASES = Object.freeze({
  created_at: undefined,
  intervention_type: undefined,
  optimization_type: undefined,
});

function observation(raw: Raw, now: () => string): LedgerRecord {
  const r = check(observationSchema, raw);
  return {
    kind: "observation",
    id: idOf(r, r.at),
    correlation_id: "" as CorrelationId,
    source: r.source,
    type: r.type,
    method: r.method,
    value_tokens: r.value_tokens,
    n: r.n ?? 1,
    project: r.project ?? null,
    customer: r.customer ?? null,
    at: r.at ?? now(),
  };
}

function unknownSource(source: unknown): string {
  if (source === "prompt_cache") {
    return (
      "expected an intervention source; prompt_cache savings are measured " +
      'from usage records (cache_read_tokens), got "prompt_cache"'
    );
  }
  return `expected one of ${INTERVENTION_SOURCES.join(", ")}, got ${found(source)}`;
}
