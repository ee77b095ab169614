import type { EstimateTask } from "../types.js";

export interface TaskCost {
  readonly tokens: number;
  /** Micro-dollars; tokens at the ledger's rate when the task is unpriced. */
  readonly micros: number;
}

export interface Ledger {
  readonly costs: ReadonlyMap<string, TaskCost>;
  /** Micro-dollars per token over the priced tasks, or the fallback. */
  readonly microsPerToken: number;
}

function rateOf(tasks: readonly EstimateTask[], fallback: number): number {
  let micros = 0;
  let tokens = 0;
  for (const task of tasks) {
    if (task.cost_usd_micros === null) continue;
    micros += task.cost_usd_micros;
    tokens += task.tokens;
  }
  return tokens > 0 && micros > 0 ? micros / tokens : fallback;
}

/** Indexes task costs by correlation id, pricing unpriced tasks. */
export function buildLedger(
  tasks: readonly EstimateTask[],
  fallbackMicrosPerToken: number,
): Ledger {
  const microsPerToken = rateOf(tasks, fallbackMicrosPerToken);
  const costs = new Map<string, TaskCost>();
  for (const task of tasks) {
    const micros = task.cost_usd_micros ?? task.tokens * microsPerToken;
    const seen = costs.get(task.correlation_id);
    costs.set(task.correlation_id, {
      tokens: (seen?.tokens ?? 0) + task.tokens,
      micros: (seen?.micros ?? 0) + micros,
    });
  }
  return { costs, microsPerToken };
}
