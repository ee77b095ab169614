import { z } from "zod";
import {
  count,
  dollars,
  flag,
  fraction,
  id,
  name,
  nonEmptyText,
  text,
  timestamp,
  tokens,
} from "./fields.js";
import { INTERVENTION_SOURCES, SOURCES } from "./sources.js";

export const RECORD_KINDS = [
  "task",
  "usage",
  "intervention",
  "holdout",
  "observation",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const TASK_OUTCOMES = [
  "success",
  "failure",
  "partial",
  "abandoned",
  "unknown",
] as const;

export const taskSchema = z.strictObject({
  kind: z.literal("task"),
  id: id.optional(),
  correlation_id: id,
  project: name,
  customer: name.optional(),
  agent: name.optional(),
  description: text.optional(),
  started_at: timestamp.optional(),
  ended_at: timestamp.optional(),
  outcome: z.enum(TASK_OUTCOMES).optional(),
});

export const usageSchema = z.strictObject({
  kind: z.literal("usage"),
  id: id.optional(),
  correlation_id: id,
  model: name,
  at: timestamp,
  input_tokens: tokens,
  output_tokens: tokens,
  cache_read_tokens: tokens.default(0),
  cache_write_5m_tokens: tokens.default(0),
  cache_write_1h_tokens: tokens.default(0),
  cost_usd: dollars.optional(),
  request_id: id.optional(),
});

export const holdoutSchema = z.strictObject({
  kind: z.literal("holdout"),
  id: id.optional(),
  correlation_id: id,
  source: z.enum(SOURCES),
  type: name.optional(),
  at: timestamp.optional(),
});

/**
 * A measurement made outside the holdouts, fed by detectors: the cost of an
 * error→retry cycle seen in transcripts, or a saving per task from a
 * before/after comparison.
 */
export const observationSchema = z.strictObject({
  kind: z.literal("observation"),
  id: id.optional(),
  source: z.enum(INTERVENTION_SOURCES),
  type: name,
  method: z.enum(["transcript", "before_after"]),
  value_tokens: z
    .number({ error: "a number of tokens" })
    .finite("a number of tokens"),
  n: count.min(1, "a positive integer").optional(),
  project: name.optional(),
  customer: name.optional(),
  at: timestamp.optional(),
});

/** Fields every intervention has, whatever its source. */
const interventionBase = {
  kind: z.literal("intervention"),
  id: id.optional(),
  correlation_id: id,
  type: name.optional(),
  at: timestamp.optional(),
  created_at: timestamp.optional(),
  confidence: fraction.optional(),
};

const claimedTokens = { estimated_tokens_saved: tokens.optional() };

/** Each source takes the columns of its table in the specification. */
export const interventionSchemas = {
  hook_correction: z.strictObject({
    ...interventionBase,
    ...claimedTokens,
    source: z.literal("hook_correction"),
    intervention_type: name.optional(),
    intervention_description: text.optional(),
  }),
  manifest_intelligence: z.strictObject({
    ...interventionBase,
    ...claimedTokens,
    source: z.literal("manifest_intelligence"),
    manifest_injection_id: count.optional(),
    task_description: text.optional(),
    task_complexity_score: fraction.optional(),
    actual_tokens: tokens.optional(),
    actual_tokens_used: tokens.optional(),
    actual_iterations: count.optional(),
    estimated_baseline_tokens: tokens.optional(),
    estimated_baseline_iterations: count.optional(),
    estimated_cost_saved_usd: dollars.optional(),
    patterns_provided: count.optional(),
    schemas_provided: count.optional(),
    debug_intelligence_provided: flag.optional(),
  }),
  pattern_usage: z.strictObject({
    ...interventionBase,
    ...claimedTokens,
    source: z.literal("pattern_usage"),
    pattern_name: name,
    pattern_source: name.optional(),
    pattern_confidence: fraction.optional(),
    task_description: text.optional(),
    pattern_applied: flag.optional(),
    estimated_discovery_tokens: tokens.optional(),
  }),
  failure_avoidance: z.strictObject({
    ...interventionBase,
    ...claimedTokens,
    source: z.literal("failure_avoidance"),
    failure_pattern: nonEmptyText,
    similar_past_failures: count.optional(),
    avoided_approach: text.optional(),
    successful_approach: text.optional(),
    estimated_failure_cost_tokens: tokens.optional(),
  }),
  agent_specialization: z.strictObject({
    ...interventionBase,
    ...claimedTokens,
    source: z.literal("agent_specialization"),
    agent_name: name,
    agent_domain: name.optional(),
    task_description: text.optional(),
    actual_tokens: tokens.optional(),
    actual_tokens_used: tokens.optional(),
    estimated_generic_tokens: tokens.optional(),
    estimated_cost_saved_usd: dollars.optional(),
    specialization_benefit: text.optional(),
  }),
  context_optimization: z.strictObject({
    ...interventionBase,
    source: z.literal("context_optimization"),
    optimization_type: name.optional(),
    baseline_approach: text.optional(),
    optimized_approach: text.optional(),
    baseline_tokens: tokens.optional(),
    actual_tokens: tokens.optional(),
    tokens_saved: tokens.optional(),
  }),
} as const;

export type TaskInput = z.input<typeof taskSchema>;
export type UsageInput = z.input<typeof usageSchema>;
export type HoldoutInput = z.input<typeof holdoutSchema>;
export type TaskRecordParsed = z.output<typeof taskSchema>;
export type UsageRecordParsed = z.output<typeof usageSchema>;
export type HoldoutRecordParsed = z.output<typeof holdoutSchema>;
export type InterventionParsed = {
  [S in keyof typeof interventionSchemas]: z.output<
    (typeof interventionSchemas)[S]
  >;
}[keyof typeof interventionSchemas];
