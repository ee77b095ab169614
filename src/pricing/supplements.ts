/**
 * Long-context prices the catalog lacks, from Anthropic's published list:
 * a Claude Sonnet 4 request whose prompt exceeds 200k tokens (1M-context
 * beta) is billed at these rates for all of its tokens.
 */
export const LONG_CONTEXT_SUPPLEMENTS: Readonly<
  Record<string, Readonly<{ above: number; prices: Record<string, number> }>>
> = Object.freeze({
  "claude-sonnet-4-0": Object.freeze({
    above: 200_000,
    prices: Object.freeze({
      input_mtok: 6,
      output_mtok: 22.5,
      cache_read_mtok: 0.6,
      cache_write_mtok: 7.5,
      cache_write_1h_mtok: 12,
    }),
  }),
});

type Prices = Record<
  string,
  | number
  | { base: number; tiers: { start: number; price: number }[] }
  | undefined
>;

/** The catalog's prices with a missing long-context tier added. */
export function withSupplement(modelId: string, prices: Prices): Prices {
  const extra = LONG_CONTEXT_SUPPLEMENTS[modelId];
  if (!extra || Object.values(prices).some((v) => typeof v === "object")) {
    return prices;
  }
  const tiered: Prices = { ...prices };
  for (const [key, price] of Object.entries(extra.prices)) {
    const base = prices[key];
    if (typeof base !== "number") continue;
    tiered[key] = { base, tiers: [{ start: extra.above, price }] };
  }
  return tiered;
}
