import type { CodexCounts } from "./usage-line.js";

/** What a rollout's earlier lines told us; kept in the file's state. */
export interface CodexContext {
  session?: string;
  model?: string;
  cwd?: string;
  total?: CodexCounts;
}

/** The context kept in a file state, taking only what has the right type. */
export function codexContext(
  carried: Readonly<Record<string, unknown>> | undefined,
): CodexContext {
  const context: CodexContext = {};
  for (const key of ["session", "model", "cwd"] as const) {
    const value = carried?.[key];
    if (typeof value === "string") context[key] = value;
  }
  const total = carried?.total;
  if (isCounts(total)) context.total = total;
  return context;
}

function isCounts(value: unknown): value is CodexCounts {
  if (typeof value !== "object" || value === null) return false;
  const counts = value as Record<string, unknown>;
  return ["input", "cached", "output", "reasoning"].every(
    (key) => typeof counts[key] === "number",
  );
}
