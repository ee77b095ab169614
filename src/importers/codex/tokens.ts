import type { TokenCounts } from "../../pricing/tokens.js";
import type { CodexCounts } from "./usage-line.js";

/**
 * Codex counts in our buckets. Codex's `input_tokens` includes the cached
 * part, so uncached input is input − cached; reasoning tokens are already
 * inside `output_tokens` (total = input + output). Codex reports no cache
 * writes.
 */
export function codexTokens(delta: CodexCounts): TokenCounts {
  const cached = Math.min(delta.cached, delta.input);
  return {
    input_tokens: delta.input - cached,
    output_tokens: delta.output,
    cache_read_tokens: cached,
    cache_write_5m_tokens: 0,
    cache_write_1h_tokens: 0,
  };
}

/** Whether two running totals are the same, i.e. an event was repeated. */
export function sameCounts(a: CodexCounts, b: CodexCounts): boolean {
  return (
    a.input === b.input &&
    a.cached === b.cached &&
    a.output === b.output &&
    a.reasoning === b.reasoning
  );
}

/** The growth between two running totals, never below zero. */
export function countsSince(
  now: CodexCounts,
  before: CodexCounts,
): CodexCounts {
  return {
    input: Math.max(0, now.input - before.input),
    cached: Math.max(0, now.cached - before.cached),
    output: Math.max(0, now.output - before.output),
    reasoning: Math.max(0, now.reasoning - before.reasoning),
  };
}
