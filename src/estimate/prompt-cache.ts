import type { CachePriceLookup, EstimateCacheUsage } from "./types.js";

export interface CacheSaving {
  /** Money saved, in micro-dollars. */
  readonly micros: number;
  /** Full-price input tokens that would cost what was saved. */
  readonly tokens: number;
  readonly rows: number;
  readonly unpriced: number;
}

/**
 * What prompt caching saved, measured exactly: cache reads against the full
 * input price, less the premium paid for cache writes.
 */
export function promptCacheSaving(
  usage: readonly EstimateCacheUsage[],
  prices: CachePriceLookup | undefined,
): CacheSaving {
  let micros = 0;
  let tokens = 0;
  let unpriced = 0;
  for (const row of usage) {
    if (row.saved_micros !== undefined) {
      micros += row.saved_micros;
      tokens += row.saved_tokens ?? 0;
      continue;
    }
    const price = prices?.(row.model) ?? null;
    if (price === null || !(price.input > 0)) {
      unpriced += 1;
      continue;
    }
    const saved =
      row.cache_read_tokens * (price.input - price.cache_read) -
      row.cache_write_5m_tokens * (price.cache_write_5m - price.input) -
      row.cache_write_1h_tokens * (price.cache_write_1h - price.input);
    micros += saved / 1_000_000;
    tokens += saved / price.input;
  }
  return {
    micros: Math.round(micros),
    tokens: Math.round(tokens),
    rows: usage.length,
    unpriced,
  };
}
