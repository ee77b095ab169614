/** One record of each kind and every intervention source, for store tests. */
export const AT = "2026-03-02T10:00:00Z";

export const INTERVENTIONS = [
  {
    kind: "intervention",
    correlation_id: "c1",
    source: "hook_correction",
    intervention_type: "password_correction",
    intervention_description: "Corrected PostgreSQL password from .env",
    at: AT,
  },
  {
    kind: "intervention",
    correlation_id: "c1",
    source: "manifest_intelligence",
    manifest_injection_id: 7,
    task_description: "Implement ONEX node with PostgreSQL persistence",
    actual_tokens: 12_000,
    actual_iterations: 2,
    patterns_provided: 2,
    schemas_provided: 1,
    debug_intelligence_provided: true,
    estimated_cost_saved_usd: "1.2345",
    at: AT,
  },
  {
    kind: "intervention",
    correlation_id: "c1",
    source: "pattern_usage",
    pattern_name: "NodeStateManagerEffect",
    pattern_source: "code_patterns",
    pattern_applied: true,
    at: AT,
  },
  {
    kind: "intervention",
    correlation_id: "c2",
    source: "failure_avoidance",
    failure_pattern: "Write without Read (permission error)",
    avoided_approach: "Write directly",
    successful_approach: "Read, then Write",
    at: AT,
  },
  {
    kind: "intervention",
    correlation_id: "c2",
    source: "agent_specialization",
    agent_name: "agent-debug-database",
    agent_domain: "database",
    actual_tokens: 0,
    estimated_generic_tokens: 25_000,
    at: AT,
  },
  {
    kind: "intervention",
    correlation_id: "c2",
    source: "context_optimization",
    type: "direct_write",
    baseline_tokens: 6_000,
    actual_tokens: 2_000,
    at: AT,
  },
] as const;

export const TASKS = [
  { kind: "task", correlation_id: "c1", project: "web", customer: "acme" },
  { kind: "task", correlation_id: "c2", project: "api", customer: "acme" },
] as const;

export const USAGE = [
  {
    kind: "usage",
    correlation_id: "c1",
    model: "claude-sonnet-4-20250514",
    at: AT,
    input_tokens: 100,
    output_tokens: 50,
    cache_read_tokens: 1_000,
    request_id: "req_1",
    id: "resp-1",
  },
  {
    kind: "usage",
    correlation_id: "c2",
    model: "gpt-5-codex",
    at: AT,
    input_tokens: 10,
    output_tokens: 5,
    cost_usd: 0.0125,
  },
] as const;

export const HOLDOUTS = [
  {
    kind: "holdout",
    correlation_id: "c3",
    source: "context_optimization",
    type: "direct_write",
    at: AT,
  },
] as const;

export const OBSERVATIONS = [
  {
    kind: "observation",
    source: "hook_correction",
    type: "password_correction",
    method: "transcript",
    value_tokens: 11_400,
    n: 6,
    at: AT,
  },
] as const;
