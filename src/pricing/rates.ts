import type { TokenCounts } from "./tokens.js";

/**
 * Micro-dollars per million tokens, an integer: $3.75 per million tokens is
 * 3_750_000. Integers keep every cost exact.
 */
export type MtokMicros = number;

/** The price of each token bucket at one tier. */
export interface BucketRates {
  readonly input: MtokMicros;
  readonly output: MtokMicros;
  readonly cache_read: MtokMicros;
  readonly cache_write_5m: MtokMicros;
  readonly cache_write_1h: MtokMicros;
}

/** Rates that replace the base once a request's prompt exceeds `above`. */
export interface Tier {
  readonly above: number;
  readonly rates: BucketRates;
}

/** Where a model's prices came from. */
export type RateOrigin = "catalog" | "override" | "customer" | "builtin";

/** Everything needed to price one model at one moment. */
export interface ModelRates {
  /** The name the prices are listed under, which may differ from the log's. */
  readonly priced_as: string;
  readonly origin: RateOrigin;
  readonly base: BucketRates;
  /** Ascending by `above`. */
  readonly tiers: readonly Tier[];
  /** Buckets the source did not price, filled by a stated rule. */
  readonly derived: readonly string[];
}

/** The rates that apply to one request, by its prompt size. */
export function ratesFor(model: ModelRates, tokens: TokenCounts): BucketRates {
  const prompt =
    tokens.input_tokens +
    tokens.cache_read_tokens +
    tokens.cache_write_5m_tokens +
    tokens.cache_write_1h_tokens;
  let chosen = model.base;
  for (const tier of model.tiers) {
    if (prompt > tier.above) chosen = tier.rates;
  }
  return chosen;
}

/** Dollars per million tokens to integer micro-dollars per million tokens. */
export function mtokMicros(dollarsPerMtok: number): MtokMicros {
  return Math.round(dollarsPerMtok * 1_000_000);
}
