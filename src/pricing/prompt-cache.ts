import { weightedMicros } from "./cost.js";
import type { PriceBook } from "./price-book.js";
import { applyDiscount, epochMs, type PricingInput } from "./price-usage.js";
import { type BucketRates, ratesFor } from "./rates.js";
import type { TokenCounts } from "./tokens.js";

/** What the prompt cache saved on one request, in micro-dollars. */
export interface PromptCacheSavings {
  /** Cache reads at the full input price, minus what they cost. */
  readonly read_savings_micros: number;
  /** What cache writes cost beyond the input price, 5m and 1h together. */
  readonly write_premium_micros: number;
  /** Read savings net of the write premium; negative when caching lost. */
  readonly net_micros: number;
}

/** Prompt-cache savings of a request at the given (tier-chosen) rates. */
export function promptCacheSavings(
  tokens: TokenCounts,
  rates: BucketRates,
): PromptCacheSavings {
  const read_savings_micros = weightedMicros([
    [tokens.cache_read_tokens, rates.input - rates.cache_read],
  ]);
  const write_premium_micros = weightedMicros([
    [tokens.cache_write_5m_tokens, rates.cache_write_5m - rates.input],
    [tokens.cache_write_1h_tokens, rates.cache_write_1h - rates.input],
  ]);
  return {
    read_savings_micros,
    write_premium_micros,
    net_micros: read_savings_micros - write_premium_micros,
  };
}

/**
 * Prompt-cache savings of a usage record priced by the book, less the
 * customer's discount; null when the model has no price.
 */
export function promptCacheSavingsOf(
  usage: PricingInput,
  book: PriceBook,
  customer?: string,
): PromptCacheSavings | null {
  const rates = book.rates(usage.model, epochMs(usage.at), customer);
  if (!rates) return null;
  const savings = promptCacheSavings(usage, ratesFor(rates, usage));
  const discount =
    rates.origin === "customer" ? 0 : book.discountPercent(customer);
  const read = applyDiscount(savings.read_savings_micros, discount);
  const premium = applyDiscount(savings.write_premium_micros, discount);
  return {
    read_savings_micros: read,
    write_premium_micros: premium,
    net_micros: read - premium,
  };
}
