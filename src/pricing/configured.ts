import type { ModelPrice } from "@pydantic/genai-prices";
import type { ConfiguredModelPrices, ConfiguredPrice } from "./config.js";

/**
 * The configured price of a model at a moment: an exact key wins over the
 * longest matching `prefix*` key; among dated entries, the latest `since`
 * not after `at`.
 */
export function findConfigured(
  models: Readonly<Record<string, ConfiguredModelPrices>>,
  model: string,
  at: Date,
): { price: ConfiguredPrice; dated: boolean } | undefined {
  const entry = matchKey(models, model.toLowerCase());
  if (!entry) return undefined;
  if (!Array.isArray(entry)) return { price: entry, dated: false };
  const price = latestSince(entry, at);
  return price ? { price, dated: true } : undefined;
}

function matchKey(
  models: Readonly<Record<string, ConfiguredModelPrices>>,
  model: string,
): ConfiguredModelPrices | undefined {
  let best: [string, ConfiguredModelPrices] | undefined;
  for (const [key, prices] of Object.entries(models)) {
    const k = key.toLowerCase();
    if (k === model) return prices;
    const prefix = k.endsWith("*") ? k.slice(0, -1) : null;
    if (prefix !== null && model.startsWith(prefix)) {
      if (!best || prefix.length > best[0].length) best = [prefix, prices];
    }
  }
  return best?.[1];
}

function latestSince(
  entries: readonly ConfiguredPrice[],
  at: Date,
): ConfiguredPrice | undefined {
  const day = at.toISOString().slice(0, 10);
  let chosen: ConfiguredPrice | undefined;
  for (const entry of entries) {
    const since = entry.since ?? "";
    if (since > day) continue;
    if (!chosen || since >= (chosen.since ?? "")) chosen = entry;
  }
  return chosen;
}

/** A configured price in the catalog's shape, tiers included. */
export function toCatalogShape(price: ConfiguredPrice): ModelPrice {
  const keys = [
    "input_mtok",
    "output_mtok",
    "cache_read_mtok",
    "cache_write_mtok",
    "cache_write_1h_mtok",
  ] as const;
  const shaped: ModelPrice = {};
  for (const key of keys) {
    const base = price[key];
    if (base === undefined) continue;
    const tiers = (price.tiers ?? []).flatMap((tier) => {
      const value = tier[key];
      return value === undefined
        ? []
        : [{ start: tier.above_prompt_tokens, price: value }];
    });
    shaped[key] = tiers.length ? { base, tiers } : base;
  }
  return shaped;
}
