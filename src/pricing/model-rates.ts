import type { ModelPrice } from "@pydantic/genai-prices";
import {
  type BucketRates,
  type ModelRates,
  mtokMicros,
  type RateOrigin,
  type Tier,
} from "./rates.js";

type PriceValue = ModelPrice[string];

const KEYS = [
  "input_mtok",
  "output_mtok",
  "cache_read_mtok",
  "cache_write_mtok",
  "cache_write_1h_mtok",
] as const;

/**
 * Turns a price list in the catalog's shape (dollars per million tokens,
 * optionally tiered) into integer rates. Returns null when input or output
 * has no price: such a model cannot be priced honestly.
 */
export function toModelRates(
  pricedAs: string,
  origin: RateOrigin,
  prices: ModelPrice,
): ModelRates | null {
  const claude = pricedAs.toLowerCase().includes("claude");
  const base = bucketsAt(prices, null, claude);
  if (!base) return null;
  const tiers: Tier[] = [];
  for (const above of tierStarts(prices)) {
    const rates = bucketsAt(prices, above, claude);
    if (rates) tiers.push({ above, rates: rates.rates });
  }
  return Object.freeze({
    priced_as: pricedAs,
    origin,
    base: base.rates,
    tiers: Object.freeze(tiers),
    derived: Object.freeze(base.derived),
  });
}

function bucketsAt(
  prices: ModelPrice,
  above: number | null,
  claude: boolean,
): { rates: BucketRates; derived: string[] } | null {
  const input = valueAt(prices.input_mtok, above);
  const output = valueAt(prices.output_mtok, above);
  if (input === undefined || output === undefined) return null;
  const derived: string[] = [];
  const pick = (key: (typeof KEYS)[number], fallback: number, why: string) => {
    const value = valueAt(prices[key], above);
    if (value !== undefined) return value;
    derived.push(why);
    return fallback;
  };
  const read = pick("cache_read_mtok", input, "cache reads at the input price");
  const write5m = pick(
    "cache_write_mtok",
    input,
    "cache writes at input price",
  );
  const write1h = claude
    ? pick("cache_write_1h_mtok", input * 2, "1h cache writes at 2× input")
    : pick("cache_write_1h_mtok", write5m, "1h cache writes at the 5m price");
  const rates = Object.freeze({
    input: mtokMicros(input),
    output: mtokMicros(output),
    cache_read: mtokMicros(read),
    cache_write_5m: mtokMicros(write5m),
    cache_write_1h: mtokMicros(write1h),
  });
  return { rates, derived };
}

function valueAt(value: PriceValue, above: number | null): number | undefined {
  if (value === undefined || typeof value === "number") return value;
  let price = value.base;
  if (above === null) return price;
  for (const tier of value.tiers) {
    if (above >= tier.start) price = tier.price;
  }
  return price;
}

function tierStarts(prices: ModelPrice): number[] {
  const starts = new Set<number>();
  for (const key of KEYS) {
    const value = prices[key];
    if (value && typeof value === "object") {
      for (const tier of value.tiers) starts.add(tier.start);
    }
  }
  return [...starts].sort((a, b) => a - b);
}
