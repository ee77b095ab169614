import type { ModelPrice } from "@pydantic/genai-prices";
import { type CatalogModel, priceCatalog } from "./catalog-file.js";
import { findModel, findProvider, pricesAt } from "./catalog-match.js";

/** For how long a price lookup holds. */
export type Validity = "always" | "day" | "instant";

/** A model found in the genai-prices catalog. */
export interface CatalogMatch {
  readonly provider: string;
  readonly model_id: string;
  readonly prices: ModelPrice;
  /** How long the prices found hold: they may change by date or hour. */
  readonly valid: Validity;
}

interface Attempt {
  readonly model: (name: string) => string | undefined;
  readonly provider?: string;
}

const BEDROCK = /(^|[./])anthropic\./;
const TRAILING_DATE = /[-@]\d{4}-?\d{2}-?\d{2}$/;

/**
 * Ways to find a log's model name in the catalog, tried in order; the last
 * failure leaves the model unpriced.
 */
const ATTEMPTS: readonly Attempt[] = [
  { model: (n) => (BEDROCK.test(n) ? n : undefined), provider: "aws" },
  { model: (n) => n },
  { model: (n) => (n.includes("/") ? n.slice(n.lastIndexOf("/") + 1) : "") },
  { model: (n) => (TRAILING_DATE.test(n) ? n.replace(TRAILING_DATE, "") : "") },
];

/** Looks a model up in the catalog, offline, as priced at `at`. */
export function lookupCatalog(model: string, at: Date): CatalogMatch | null {
  for (const attempt of ATTEMPTS) {
    const name = attempt.model(model);
    if (!name) continue;
    const found = find(name.toLowerCase().trim(), attempt.provider);
    if (found) {
      return {
        provider: found.provider,
        model_id: found.model.id,
        prices: pricesAt(found.model, at),
        valid: validity(found.model),
      };
    }
  }
  return null;
}

function find(name: string, providerId: string | undefined) {
  const { providers } = priceCatalog();
  const provider = findProvider(providers, name, providerId);
  const model = provider && findModel(providers, provider, name);
  return model ? { provider: provider.id, model } : undefined;
}

function validity(model: CatalogModel): Validity {
  if (!Array.isArray(model.prices)) return "always";
  const hourly = model.prices.some((p) => p.when && "from_second" in p.when);
  return hourly ? "instant" : "day";
}
