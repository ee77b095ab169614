export {
  DEFAULT_ESTIMATE_CONFIG,
  type EstimateConfig,
  type EstimateConfigOverride,
  resolveEstimateConfig,
} from "./config.js";
export { estimateSavings } from "./estimate-savings.js";
export {
  assignHoldout,
  type HoldoutArm,
  type HoldoutKey,
  holdoutBucket,
} from "./holdout/assign.js";
export { holdoutRateBps } from "./holdout/rate.js";
export { sampleRatioCheck } from "./holdout/sample-ratio.js";
export { type CacheSaving, promptCacheSaving } from "./prompt-cache.js";
export { type BaselineInputs, baselineTaskCost } from "./spec/baseline.js";
export { complexityConfidence, taskComplexity } from "./spec/complexity.js";
export {
  errorCycleCost,
  failureCycleCost,
  patternDiscoveryCost,
} from "./spec/cycle-costs.js";
export { failureTier, patternTier } from "./spec/tiers.js";
export type * from "./types.js";
