import { microsToDollars } from "../pricing/money.js";
import type { Pricing } from "../pricing/price-usage.js";
import {
  addTokens,
  NO_TOKENS,
  type TokenCounts,
  totalTokens,
} from "../pricing/tokens.js";

/** Token and cost sums of one report row. */
export interface UsageTotals {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  /** 5-minute and 1-hour cache writes together. */
  readonly cache_write_tokens: number;
  readonly total_tokens: number;
  /**
   * Priced requests only; null when the row has requests and none of them
   * has a price. A row of no requests cost nothing.
   */
  readonly cost_usd: number | null;
  readonly models: readonly string[];
  /** Models whose requests are left out of `cost_usd`: no price known. */
  readonly unpriced_models: readonly string[];
}

/** Tokens of a model that has no price. */
export interface UnpricedTokens extends TokenCounts {
  readonly model: string;
}

/** Models that only stand for client-side messages, never billed. */
const HIDDEN_MODELS: ReadonlySet<string> = new Set(["<synthetic>"]);

/** Sums requests into one row. */
export class Tally {
  readonly #tokens = { ...NO_TOKENS };
  #costMicros = 0;
  #priced = 0;
  readonly #models = new Set<string>();
  readonly #unpriced = new Map<string, TokenCounts>();

  add(model: string, tokens: TokenCounts, pricing: Pricing): void {
    addInto(this.#tokens, tokens);
    if (!HIDDEN_MODELS.has(model)) this.#models.add(model);
    if (pricing.status === "priced") {
      this.#costMicros += pricing.cost_micros;
      this.#priced += 1;
    } else {
      const before = this.#unpriced.get(model) ?? NO_TOKENS;
      this.#unpriced.set(model, addTokens(before, tokens));
    }
  }

  /** Adds everything another tally holds. */
  merge(other: Tally): void {
    addInto(this.#tokens, other.#tokens);
    this.#costMicros += other.#costMicros;
    this.#priced += other.#priced;
    for (const model of other.#models) this.#models.add(model);
    for (const [model, tokens] of other.#unpriced) {
      const before = this.#unpriced.get(model) ?? NO_TOKENS;
      this.#unpriced.set(model, addTokens(before, tokens));
    }
  }

  totals(): UsageTotals {
    const t = this.#tokens;
    return {
      input_tokens: t.input_tokens,
      output_tokens: t.output_tokens,
      cache_read_tokens: t.cache_read_tokens,
      cache_write_tokens: t.cache_write_5m_tokens + t.cache_write_1h_tokens,
      total_tokens: totalTokens(t),
      cost_usd:
        this.#priced > 0 || this.#unpriced.size === 0
          ? microsToDollars(this.#costMicros)
          : null,
      models: [...this.#models].sort(),
      unpriced_models: [...this.#unpriced.keys()].sort(),
    };
  }

  /** What could not be priced, model by model, with its tokens. */
  unpriced(): UnpricedTokens[] {
    return [...this.#unpriced]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([model, tokens]) => ({ model, ...tokens }));
  }

  get costMicros(): number {
    return this.#costMicros;
  }
}

/** Adds `more` to `sum` in place: a tally adds thousands of requests. */
function addInto(
  sum: { -readonly [K in keyof TokenCounts]: number },
  more: TokenCounts,
): void {
  sum.input_tokens += more.input_tokens;
  sum.output_tokens += more.output_tokens;
  sum.cache_read_tokens += more.cache_read_tokens;
  sum.cache_write_5m_tokens += more.cache_write_5m_tokens;
  sum.cache_write_1h_tokens += more.cache_write_1h_tokens;
}
