import type { InterventionSource } from "../domain/sources.js";

/** How a detail column is stored; `micros` is money in integer micro-dollars. */
export type ColumnKind = "text" | "bigint" | "real" | "bool" | "micros";

export type DetailColumns = readonly (readonly [string, ColumnKind])[];

/**
 * The specification's columns of each source table, in order, after `id`,
 * `correlation_id` and before `created_at`. Money columns keep their names
 * with a `_micros` suffix: `estimated_cost_saved_usd` becomes
 * `estimated_cost_saved_usd_micros`.
 */
export const DETAIL_COLUMNS = Object.freeze({
  hook_correction: [
    ["intervention_type", "text"],
    ["intervention_description", "text"],
    ["estimated_tokens_saved", "bigint"],
    ["confidence", "real"],
  ],
  manifest_intelligence: [
    ["manifest_injection_id", "bigint"],
    ["task_description", "text"],
    ["task_complexity_score", "real"],
    ["actual_tokens_used", "bigint"],
    ["actual_iterations", "bigint"],
    ["estimated_baseline_tokens", "bigint"],
    ["estimated_baseline_iterations", "bigint"],
    ["estimated_tokens_saved", "bigint"],
    ["estimated_cost_saved_usd_micros", "micros"],
    ["patterns_provided", "bigint"],
    ["schemas_provided", "bigint"],
    ["debug_intelligence_provided", "bool"],
    ["confidence", "real"],
  ],
  pattern_usage: [
    ["pattern_name", "text"],
    ["pattern_source", "text"],
    ["pattern_confidence", "real"],
    ["task_description", "text"],
    ["pattern_applied", "bool"],
    ["estimated_discovery_tokens", "bigint"],
    ["estimated_tokens_saved", "bigint"],
    ["confidence", "real"],
  ],
  failure_avoidance: [
    ["failure_pattern", "text"],
    ["similar_past_failures", "bigint"],
    ["avoided_approach", "text"],
    ["successful_approach", "text"],
    ["estimated_failure_cost_tokens", "bigint"],
    ["estimated_tokens_saved", "bigint"],
    ["confidence", "real"],
  ],
  agent_specialization: [
    ["agent_name", "text"],
    ["agent_domain", "text"],
    ["task_description", "text"],
    ["actual_tokens_used", "bigint"],
    ["estimated_generic_tokens", "bigint"],
    ["estimated_tokens_saved", "bigint"],
    ["estimated_cost_saved_usd_micros", "micros"],
    ["specialization_benefit", "text"],
    ["confidence", "real"],
  ],
  context_optimization: [
    ["optimization_type", "text"],
    ["baseline_approach", "text"],
    ["optimized_approach", "text"],
    ["baseline_tokens", "bigint"],
    ["actual_tokens", "bigint"],
    ["tokens_saved", "bigint"],
    ["confidence", "real"],
  ],
} satisfies Record<InterventionSource, DetailColumns>);
