// Writes N intervention records as NDJSON, a deterministic mix of all six
// sources with the fields real tooling sends.
import { createWriteStream } from "node:fs";

const TYPES = [
  "password_correction",
  "url_fix",
  "env_var_fix",
  "path_correction",
];
const PATTERNS = [
  "OrderOrchestrator",
  "NodeStateManagerEffect",
  "CartReducer",
  "PriceCompute",
  "RetryHelper",
];
const FAILURES = [
  "permission denied",
  "network timeout",
  "syntax error",
  "missing module",
];

function record(i) {
  const base = {
    kind: "intervention",
    correlation_id: `task-${Math.floor(i / 4)}`,
    at: new Date(
      Date.UTC(2026, 0, 1) + (i % 90) * 86_400_000 + i,
    ).toISOString(),
  };
  switch (i % 6) {
    case 0:
      return {
        ...base,
        source: "hook_correction",
        intervention_type: TYPES[i % 4],
        intervention_description: "Corrected credentials from .env",
      };
    case 1:
      return {
        ...base,
        source: "manifest_intelligence",
        manifest_injection_id: i,
        task_description: "Implement the node with persistence",
        actual_tokens: 10_000 + (i % 5_000),
        patterns_provided: i % 3,
        schemas_provided: i % 2,
        debug_intelligence_provided: i % 2 === 0,
      };
    case 2:
      return {
        ...base,
        source: "pattern_usage",
        pattern_name: PATTERNS[i % 5],
        pattern_source: "code_patterns",
        pattern_applied: true,
      };
    case 3:
      return {
        ...base,
        source: "failure_avoidance",
        failure_pattern: FAILURES[i % 4],
        avoided_approach: "write first",
        successful_approach: "read first",
      };
    case 4:
      return {
        ...base,
        source: "agent_specialization",
        agent_name: "agent-debug-database",
        agent_domain: "database",
        actual_tokens: 12_000,
        estimated_generic_tokens: 20_000,
      };
    default:
      return {
        ...base,
        source: "context_optimization",
        type: "direct_write",
        baseline_tokens: 6_000 + (i % 100),
        actual_tokens: 2_000,
      };
  }
}

export async function makeRecords(path, count) {
  const out = createWriteStream(path);
  let chunk = "";
  for (let i = 0; i < count; i++) {
    chunk += `${JSON.stringify(record(i))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((r) => out.once("drain", r));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise((r) => out.end(r));
}
