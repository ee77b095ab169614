export { DEFAULT_ESTIMATE_CONFIG } from "./config/defaults.js";
export { resolveEstimateConfig } from "./config/resolve.js";
export type {
  EstimateConfig,
  EstimateConfigOverride,
} from "./config/schema.js";
