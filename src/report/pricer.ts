import {
  type PriceBook,
  priceUsage,
  promptCacheSavingsOf,
  ratesFor,
} from "../pricing/index.js";

/** One request as the report reads it from the ledger. */
export interface RequestRow {
  readonly model: string;
  readonly at: string;
  readonly customer: string;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_5m_tokens: number;
  readonly cache_write_1h_tokens: number;
  readonly cost_usd_micros: number | null;
}

export interface CacheSavingOf {
  readonly micros: number;
  /** The saving as full-price input tokens. */
  readonly tokens: number;
}

/** Prices requests for a report; null where no price is known. */
export interface Pricer {
  cost(row: RequestRow): number | null;
  cacheSaving(row: RequestRow): CacheSavingOf | null;
}

/** Knows no prices: only costs the sources reported count. */
export const NO_PRICES: Pricer = {
  cost: (row) => row.cost_usd_micros,
  cacheSaving: () => null,
};

/**
 * Prices with a price book, request by request, so dates, long-context
 * tiers and customer discounts apply as they would on the bill. A cost the
 * source reported wins.
 */
export function bookPricer(book: PriceBook): Pricer {
  return {
    cost(row) {
      if (row.cost_usd_micros !== null) return row.cost_usd_micros;
      const priced = priceUsage(row, book, row.customer);
      return priced.status === "priced" ? priced.cost_micros : null;
    },
    cacheSaving(row) {
      if (
        row.cache_read_tokens +
          row.cache_write_5m_tokens +
          row.cache_write_1h_tokens ===
        0
      ) {
        return { micros: 0, tokens: 0 };
      }
      const saving = promptCacheSavingsOf(row, book, row.customer);
      const rates = book.rates(row.model, Date.parse(row.at), row.customer);
      if (!saving || !rates) return null;
      const input = ratesFor(rates, row).input;
      const tokens = input > 0 ? (saving.net_micros * 1_000_000) / input : 0;
      return { micros: saving.net_micros, tokens: Math.round(tokens) };
    },
  };
}
