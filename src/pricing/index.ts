export {
  type ConfiguredPrice,
  loadPricingConfig,
  type PricingConfig,
  parsePricingConfig,
  pricingConfigSchema,
} from "./config.js";
export { costMicros } from "./cost.js";
export { dollarsToMicros, microsToDollars } from "./money.js";
export { createPriceBook, type PriceBook } from "./price-book.js";
export {
  type CostBasis,
  type Pricing,
  type PricingInput,
  priceUsage,
} from "./price-usage.js";
export {
  type PromptCacheSavings,
  promptCacheSavings,
  promptCacheSavingsOf,
} from "./prompt-cache.js";
export {
  type BucketRates,
  type ModelRates,
  type RateOrigin,
  ratesFor,
} from "./rates.js";
export { type TokenCounts, totalTokens } from "./tokens.js";
