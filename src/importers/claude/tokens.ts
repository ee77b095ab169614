import type { TokenCounts } from "../../pricing/tokens.js";

/**
 * Claude's `message.usage` in our buckets. `input_tokens` is already the
 * uncached part; `cache_creation` splits writes into 5-minute and 1-hour.
 */
export function claudeTokens(usage: Record<string, unknown>): TokenCounts {
  const split = asRecord(usage.cache_creation);
  return claudeCounts(
    count(usage.input_tokens),
    count(usage.output_tokens),
    count(usage.cache_read_input_tokens),
    typeof usage.cache_creation_input_tokens === "number"
      ? count(usage.cache_creation_input_tokens)
      : undefined,
    count(split?.ephemeral_5m_input_tokens),
    count(split?.ephemeral_1h_input_tokens),
  );
}

/** The buckets from counts already read; `writes` undefined if unstated. */
export function claudeCounts(
  input: number,
  output: number,
  reads: number,
  writes: number | undefined,
  fiveMinutes: number,
  oneHour: number,
): TokenCounts {
  const written = writes ?? fiveMinutes + oneHour;
  const hour = Math.min(oneHour, written);
  return {
    input_tokens: input,
    output_tokens: output,
    cache_read_tokens: reads,
    cache_write_5m_tokens: written - hour,
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
