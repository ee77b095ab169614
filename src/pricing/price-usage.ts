import { costMicros } from "./cost.js";
import { dollarsToMicros } from "./money.js";
import type { PriceBook } from "./price-book.js";
import { type RateOrigin, ratesFor } from "./rates.js";
import type { TokenCounts } from "./tokens.js";

/** What pricing needs of a usage record; a parsed `usage` record fits. */
export interface PricingInput extends TokenCounts {
  readonly model: string;
  /** A Date, an ISO 8601 string or epoch milliseconds. */
  readonly at: Date | string | number;
  /** The cost the source itself reported; it wins over any price table. */
  readonly cost_usd?: number | string | undefined;
}

/** How a priced cost was arrived at. */
export type CostBasis = "source" | RateOrigin;

export type Pricing =
  | {
      readonly status: "priced";
      readonly basis: CostBasis;
      readonly cost_micros: number;
      /** The catalog or config entry used; null when the source priced it. */
      readonly priced_as: string | null;
    }
  | {
      readonly status: "unpriced";
      readonly model: string;
      readonly tokens: TokenCounts;
    };

/**
 * Prices one request in integer micro-dollars. A cost the source carries
 * wins; otherwise the book's rates for the request's date and prompt size,
 * less the customer's discount (negotiated model prices are taken as they
 * are). A model nothing prices comes back unpriced with its tokens.
 */
export function priceUsage(
  usage: PricingInput,
  book: PriceBook,
  customer?: string,
): Pricing {
  if (usage.cost_usd !== undefined) {
    const cost_micros = dollarsToMicros(usage.cost_usd);
    return { status: "priced", basis: "source", cost_micros, priced_as: null };
  }
  const rates = book.rates(usage.model, epochMs(usage.at), customer);
  if (!rates) {
    return { status: "unpriced", model: usage.model, tokens: tokensOf(usage) };
  }
  const listed = costMicros(usage, ratesFor(rates, usage));
  const discount =
    rates.origin === "customer" ? 0 : book.discountPercent(customer);
  return {
    status: "priced",
    basis: rates.origin,
    cost_micros: applyDiscount(listed, discount),
    priced_as: rates.priced_as,
  };
}

/** A request's time in epoch milliseconds. */
export function epochMs(at: Date | string | number): number {
  if (typeof at === "number") return at;
  return typeof at === "string" ? Date.parse(at) : at.getTime();
}

/** A cost less a percentage, rounded half up to a micro-dollar. */
export function applyDiscount(micros: number, percent: number): number {
  if (percent === 0) return micros;
  return Math.round((micros * (100 - percent)) / 100);
}

function tokensOf(t: TokenCounts): TokenCounts {
  return {
    input_tokens: t.input_tokens,
    output_tokens: t.output_tokens,
    cache_read_tokens: t.cache_read_tokens,
    cache_write_5m_tokens: t.cache_write_5m_tokens,
    cache_write_1h_tokens: t.cache_write_1h_tokens,
  };
}
