import { calcPrice, type ModelPrice } from "@pydantic/genai-prices";

/** For how long a price lookup holds. */
export type Validity = "always" | "day" | "instant";

/** A model found in the bundled genai-prices catalog. */
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

/** Looks a model up in the bundled catalog, offline, as priced at `at`. */
export function lookupCatalog(model: string, at: Date): CatalogMatch | null {
  for (const attempt of ATTEMPTS) {
    const name = attempt.model(model);
    if (!name) continue;
    const found = calcPrice({}, name, {
      timestamp: at,
      ...(attempt.provider ? { providerId: attempt.provider } : {}),
    });
    if (found) {
      return {
        provider: found.provider.id,
        model_id: found.model.id,
        prices: found.model_price,
        valid: validity(found.model.prices),
      };
    }
  }
  return null;
}

function validity(prices: unknown): Validity {
  if (!Array.isArray(prices)) return "always";
  const hourly = prices.some((p) => p?.constraint?.type === "time_of_date");
  return hourly ? "instant" : "day";
}
