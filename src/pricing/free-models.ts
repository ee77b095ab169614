import type { ModelRates } from "./rates.js";

/** Model names that stand for no billed request. */
export const FREE_MODELS: ReadonlySet<string> = new Set([
  // Claude Code writes this for messages it makes up itself (errors,
  // interruptions); no request was billed.
  "<synthetic>",
]);

/** The rates of those: nothing. */
export const FREE: ModelRates = Object.freeze({
  priced_as: "<synthetic>",
  origin: "builtin",
  base: Object.freeze({
    input: 0,
    output: 0,
    cache_read: 0,
    cache_write_5m: 0,
    cache_write_1h: 0,
  }),
  tiers: Object.freeze([]),
  derived: Object.freeze([]),
});
