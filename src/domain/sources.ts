/** Every source of savings tokenledger knows, in the specification's names. */
export const SOURCES = [
  "hook_correction",
  "manifest_intelligence",
  "pattern_usage",
  "failure_avoidance",
  "agent_specialization",
  "context_optimization",
  "prompt_cache",
] as const;

export type Source = (typeof SOURCES)[number];

/** Sources recorded as interventions; `prompt_cache` is measured from usage. */
export const INTERVENTION_SOURCES = [
  "hook_correction",
  "manifest_intelligence",
  "pattern_usage",
  "failure_avoidance",
  "agent_specialization",
  "context_optimization",
] as const satisfies readonly Source[];

export type InterventionSource = (typeof INTERVENTION_SOURCES)[number];

/** The specification's table holding each intervention source's detail. */
export const SOURCE_TABLES = {
  hook_correction: "token_savings_hook_interventions",
  manifest_intelligence: "token_savings_manifest_impact",
  pattern_usage: "token_savings_pattern_usage",
  failure_avoidance: "token_savings_failure_avoidance",
  agent_specialization: "token_savings_agent_specialization",
  context_optimization: "token_savings_context_optimization",
} as const satisfies Record<InterventionSource, string>;

export function isSource(value: string): value is Source {
  return (SOURCES as readonly string[]).includes(value);
}
