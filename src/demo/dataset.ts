import { assignHoldout } from "../estimate/index.js";
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
/** The demo's holdout settings: 20% of eligible tasks held out. */
export const DEMO_HOLDOUTS = Object.freeze({
  salt: "tokenledger-demo",
  defaultRateBps: 2_000,
});

type Row = Record<string, unknown>;

interface Draft {
  readonly id: string;
  readonly at: string;
  /** What the task would have cost with no tooling at all. */
  readonly baseline: number;
  /** Fractions of the cost the applied tooling removed. */
  readonly cuts: number[];
  readonly rows: Row[];
}

/**
 * A simulated month of agent work: tasks whose cost the tooling cuts, its
 * interventions, and randomized holdouts where the tooling was withheld.
 * Deterministic for a given seed.
 */
export function simulatedDataset(seed = 7, tasks = 2000): Row[] {
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
  const draft: Draft = {
    id,
    at,
    baseline: lognormal(random, 60_000, 0.9),
    cuts: [],
    rows: [],
  };
  tooling(random, draft);
  const tokens = Math.round(
    draft.cuts.reduce((cost, cut) => cost * (1 - cut), draft.baseline),
  );
  const task = {
    kind: "task",
    correlation_id: id,
    project,
    customer,
    agent: "claude-code",
    started_at: at,
    outcome: "success",
  };
  return [
    task,
    usage(id, at, tokens),
    ...draft.rows.map((r) => fill(r, tokens)),
  ];
}

function usage(id: string, at: string, tokens: number): Row {
  return {
    kind: "usage",
    correlation_id: id,
    model: "claude-sonnet-4-20250514",
    at,
    input_tokens: Math.round(tokens * 0.1),
    output_tokens: Math.round(tokens * 0.08),
    cache_read_tokens: Math.round(tokens * 0.75),
    cache_write_5m_tokens: Math.round(tokens * 0.07),
    cost_usd: (tokens * 2.4e-6).toFixed(6),
  };
}

/** Actual tokens are known only once the task's cost is. */
function fill(row: Row, tokens: number): Row {
  return row.actual_tokens === 0 ? { ...row, actual_tokens: tokens } : row;
}

/** Applies tooling at random; an eligible task may be held out instead. */
function apply(
  d: Draft,
  source: string,
  type: string,
  cut: number,
  row: Row,
): void {
  const key = { salt: DEMO_HOLDOUTS.salt, source, type, correlationId: d.id };
  if (assignHoldout(key, DEMO_HOLDOUTS.defaultRateBps) === "hold") {
    d.rows.push({
      kind: "holdout",
      correlation_id: d.id,
      source,
      type,
      at: d.at,
    });
    return;
  }
  d.cuts.push(cut);
  d.rows.push({
    kind: "intervention",
    correlation_id: d.id,
    source,
    type,
    at: d.at,
    ...row,
  });
}

function tooling(random: () => number, d: Draft): void {
  const roll = (p: number) => random() < p;
  if (roll(0.25)) {
    const type = pick(random, HOOK_TYPES);
    apply(d, "hook_correction", type, 0.1 + random() * 0.1, {
      intervention_description: `hook applied ${type}`,
    });
  }
  if (roll(0.5)) {
    const patterns = 1 + Math.floor(random() * 2);
    apply(d, "manifest_intelligence", "manifest", 0.3 + random() * 0.2, {
      task_description:
        "Implement the feature and integrate it with the existing architecture",
      actual_tokens: 0,
      patterns_provided: patterns,
      schemas_provided: Math.floor(random() * 3),
      debug_intelligence_provided: roll(0.4),
    });
  }
  if (roll(0.3)) {
    const name = pick(random, PATTERNS);
    apply(d, "pattern_usage", "default", 0.15 + random() * 0.15, {
      pattern_name: name,
      pattern_applied: true,
    });
  }
  if (roll(0.15)) {
    apply(d, "failure_avoidance", "default", 0.1 + random() * 0.1, {
      failure_pattern: pick(random, FAILURES),
    });
  }
  if (roll(0.2)) {
    const agent = pick(random, AGENTS);
    apply(d, "agent_specialization", agent.agent_domain, 0.2 + random() * 0.2, {
      ...agent,
      actual_tokens: 0,
    });
  }
  if (roll(0.35)) {
    const actual = Math.round(lognormal(random, 2_000, 0.5));
    apply(d, "context_optimization", "direct_write", 0.05 + random() * 0.05, {
      baseline_tokens: Math.round(actual * (2 + random() * 3)),
      actual_tokens: actual,
    });
  }
}
