/** Token counts of one model request, one field per priced bucket. */
export interface TokenCounts {
  /** Input that was neither read from nor written to the prompt cache. */
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_5m_tokens: number;
  readonly cache_write_1h_tokens: number;
}

export const NO_TOKENS: TokenCounts = Object.freeze({
  input_tokens: 0,
  output_tokens: 0,
  cache_read_tokens: 0,
  cache_write_5m_tokens: 0,
  cache_write_1h_tokens: 0,
});

export function addTokens(a: TokenCounts, b: TokenCounts): TokenCounts {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_tokens: a.cache_read_tokens + b.cache_read_tokens,
    cache_write_5m_tokens: a.cache_write_5m_tokens + b.cache_write_5m_tokens,
    cache_write_1h_tokens: a.cache_write_1h_tokens + b.cache_write_1h_tokens,
  };
}

/** Every token of the request, cached or not, input or output. */
export function totalTokens(t: TokenCounts): number {
  return t.input_tokens + t.output_tokens + promptCacheTokens(t);
}

/** All input tokens the model saw, which is what long-context tiers count. */
export function promptTokens(t: TokenCounts): number {
  return t.input_tokens + promptCacheTokens(t);
}

function promptCacheTokens(t: TokenCounts): number {
  return (
    t.cache_read_tokens + t.cache_write_5m_tokens + t.cache_write_1h_tokens
  );
}
