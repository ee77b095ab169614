import { lookupCatalog, type Validity } from "./catalog.js";
import type { ConfiguredPrice, PricingConfig } from "./config.js";
import { findConfigured, toCatalogShape } from "./configured.js";
import { FREE, FREE_MODELS } from "./free-models.js";
import { toModelRates } from "./model-rates.js";
import type { ModelRates } from "./rates.js";
import { withSupplement } from "./supplements.js";

/** Finds the rates of a model at a moment, for a customer. */
export interface PriceBook {
  /**
   * Null when nothing prices the model: report it unpriced, never as $0.
   * `at` is a Date or epoch milliseconds.
   */
  rates(model: string, at: Date | number, customer?: string): ModelRates | null;
  /** The customer's negotiated discount on list prices, 0–100. */
  discountPercent(customer?: string): number;
}

const NO_CONFIG: PricingConfig = Object.freeze({
  models: Object.freeze({}),
  aliases: Object.freeze({}),
  customers: Object.freeze({}),
});

const DAY_MS = 86_400_000;
/** Cache key of a lookup that holds at any time. */
const ALWAYS = -1;

/**
 * A price book over the bundled catalog (@pydantic/genai-prices, offline)
 * and an optional config of overrides. Lookups are cached per model and day.
 */
export function createPriceBook(config?: PricingConfig): PriceBook {
  const settings = config ?? NO_CONFIG;
  // By customer, then model, then day (or ALWAYS): no key to build per call.
  const cache = new Map<string, Map<string, Map<number, ModelRates | null>>>();
  // Responses come in runs of one model, customer and day: the last answer
  // is checked before the maps.
  let last: Last | undefined;
  return {
    rates(model, at, customer = "") {
      const ms = typeof at === "number" ? at : at.getTime();
      const day = Math.floor(ms / DAY_MS);
      if (
        last?.model === model &&
        last.customer === customer &&
        (last.day === day || last.day === ALWAYS)
      ) {
        return last.rates;
      }
      let byModel = cache.get(customer);
      if (!byModel) {
        byModel = new Map();
        cache.set(customer, byModel);
      }
      let byTime = byModel.get(model);
      // Null (no price) is an answer too, so look with `has`.
      const key = byTime?.has(ALWAYS) ? ALWAYS : day;
      if (byTime?.has(key)) {
        const rates = byTime.get(key) ?? null;
        last = { model, customer, day: key, rates };
        return rates;
      }
      const found = resolve(
        settings,
        model,
        new Date(ms),
        customer || undefined,
      );
      if (found.valid === "instant") return found.rates;
      if (!byTime) {
        byTime = new Map();
        byModel.set(model, byTime);
      }
      byTime.set(found.valid === "always" ? ALWAYS : day, found.rates);
      return found.rates;
    },
    discountPercent(customer) {
      if (customer === undefined) return 0;
      return settings.customers[customer]?.discount_percent ?? 0;
    },
  };
}

interface Last {
  readonly model: string;
  readonly customer: string;
  /** The day it holds on, or ALWAYS. */
  readonly day: number;
  readonly rates: ModelRates | null;
}

interface Resolved {
  readonly rates: ModelRates | null;
  readonly valid: Validity;
}

function resolve(
  config: PricingConfig,
  model: string,
  at: Date,
  customer: string | undefined,
): Resolved {
  const own = customer ? config.customers[customer]?.models : undefined;
  const negotiated = own ? findConfigured(own, model, at) : undefined;
  if (negotiated) return configured(model, "customer", negotiated);
  const override = findConfigured(config.models, model, at);
  if (override) return configured(model, "override", override);
  if (FREE_MODELS.has(model)) return { rates: FREE, valid: "always" };
  return fromCatalog(config.aliases[model] ?? model, at);
}

function configured(
  model: string,
  origin: "customer" | "override",
  found: { price: ConfiguredPrice; dated: boolean },
): Resolved {
  return {
    rates: toModelRates(model, origin, toCatalogShape(found.price)),
    valid: found.dated ? "day" : "always",
  };
}

function fromCatalog(model: string, at: Date): Resolved {
  const match = lookupCatalog(model, at);
  if (!match) return { rates: null, valid: "always" };
  const prices = withSupplement(match.model_id, match.prices);
  return {
    rates: toModelRates(match.model_id, "catalog", prices),
    valid: match.valid,
  };
}
