import { lognormal, pick, seeded } from "./random.js";

const PROJECTS = [
  { customer: "acme", project: "checkout-service" },
  { customer: "acme", project: "mobile-app" },
  { customer: "globex", project: "data-pipeline" },
] as const;

const HOOK_TYPES = [
  "password_correction",
  "url_fix",
  "env_var_fix",
  "path_correction",
];
const PATTERNS = [
  "NodeStateManagerEffect",
  "OrderOrchestrator",
  "CartReducer",
  "PriceCompute",
  "RetryHelper",
];
const FAILURES = [
  "permission denied writing without read",
  "network timeout on registry",
  "syntax error in heredoc",
];
const AGENTS = [
  { agent_name: "agent-debug-database", agent_domain: "database" },
  { agent_name: "agent-frontend", agent_domain: "frontend" },
];
const DAY_MS = 86_400_000;
const START = Date.parse("2026-01-05T09:00:00Z");

type Row = Record<string, unknown>;

/**
 * A simulated month of agent work: tasks with their usage and the tooling's
 * interventions, some held out. Deterministic for a given seed.
 */
export function simulatedDataset(seed = 7, tasks = 240): Row[] {
  const random = seeded(seed);
  const rows: Row[] = [];
  for (let i = 0; i < tasks; i++) rows.push(...simulatedTask(random, i));
  return rows;
}

function simulatedTask(random: () => number, i: number): Row[] {
  const { customer, project } = pick(random, PROJECTS);
  const id = `demo-${String(i).padStart(4, "0")}`;
  const at = new Date(
    START + Math.floor(random() * 30) * DAY_MS + i * 60_000,
  ).toISOString();
  const tokens = Math.round(lognormal(random, 40_000, 1.1));
  const task = {
    kind: "task",
    correlation_id: id,
    project,
    customer,
    agent: "claude-code",
    started_at: at,
    outcome: "success",
  };
  const usage = {
    kind: "usage",
    correlation_id: id,
    model: "claude-sonnet-4-20250514",
    at,
    input_tokens: Math.round(tokens * 0.1),
    output_tokens: Math.round(tokens * 0.08),
    cache_read_tokens: Math.round(tokens * 0.75),
    cache_write_5m_tokens: Math.round(tokens * 0.07),
  };
  return [task, usage, ...interventions(random, id, at, tokens)];
}

function interventions(
  random: () => number,
  id: string,
  at: string,
  tokens: number,
): Row[] {
  const base = { kind: "intervention", correlation_id: id, at };
  const out: Row[] = [];
  const roll = (p: number) => random() < p;
  if (roll(0.25)) {
    const type = pick(random, HOOK_TYPES);
    out.push({
      ...base,
      source: "hook_correction",
      intervention_type: type,
      intervention_description: `hook applied ${type}`,
    });
  }
  if (roll(0.5)) {
    out.push({
      ...base,
      source: "manifest_intelligence",
      task_description: "Implement and integrate the feature",
      actual_tokens: tokens,
      patterns_provided: Math.floor(random() * 3),
      schemas_provided: Math.floor(random() * 3),
      debug_intelligence_provided: roll(0.4),
    });
  }
  if (roll(0.3))
    out.push({
      ...base,
      source: "pattern_usage",
      pattern_name: pick(random, PATTERNS),
      pattern_applied: roll(0.85),
    });
  if (roll(0.15))
    out.push({
      ...base,
      source: "failure_avoidance",
      failure_pattern: pick(random, FAILURES),
    });
  if (roll(0.2)) {
    const generic = Math.round(tokens / (0.6 + random() * 0.2));
    out.push({
      ...base,
      source: "agent_specialization",
      ...pick(random, AGENTS),
      actual_tokens: tokens,
      estimated_generic_tokens: generic,
    });
  }
  if (roll(0.35)) {
    const actual = Math.round(lognormal(random, 2_000, 0.5));
    out.push({
      ...base,
      source: "context_optimization",
      type: "direct_write",
      baseline_tokens: Math.round(actual * (2 + random() * 3)),
      actual_tokens: actual,
    });
  } else if (roll(0.1)) {
    out.push({
      kind: "holdout",
      correlation_id: id,
      source: "context_optimization",
      type: "direct_write",
      at,
    });
  }
  return out;
}
