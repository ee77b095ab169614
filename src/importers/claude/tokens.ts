import type { TokenCounts } from "../../pricing/tokens.js";

/**
 * Claude's `message.usage` in our buckets. `input_tokens` is already the
 * uncached part; `cache_creation` splits writes into 5-minute and 1-hour.
 */
export function claudeTokens(usage: Record<string, unknown>): TokenCounts {
  const split = asRecord(usage.cache_creation);
  const oneHour = count(split?.ephemeral_1h_input_tokens);
  const fiveMinutes = count(split?.ephemeral_5m_input_tokens);
  const writes =
    typeof usage.cache_creation_input_tokens === "number"
      ? count(usage.cache_creation_input_tokens)
      : fiveMinutes + oneHour;
  const hour = Math.min(oneHour, writes);
  return {
    input_tokens: count(usage.input_tokens),
    output_tokens: count(usage.output_tokens),
    cache_read_tokens: count(usage.cache_read_input_tokens),
    cache_write_5m_tokens: writes - hour,
    cache_write_1h_tokens: hour,
  };
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0
    ? value
    : 0;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object"
    ? (value as Record<string, unknown>)
    : undefined;
}
