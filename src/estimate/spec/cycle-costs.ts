import { DEFAULT_ESTIMATE_CONFIG } from "../config/defaults.js";
import type { EstimateConfig } from "../config/schema.js";
import { matchTier } from "./tiers.js";

/**
 * Tokens of one error→retry cycle a hook intervention of this type prevents
 * (the specification's Model 1).
 *
 * @example errorCycleCost("url_fix") // 8000
 */
export function errorCycleCost(
  interventionType: string,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): number {
  const costs = config.errorCycle.costs;
  const known = Object.hasOwn(costs, interventionType);
  return (known ? costs[interventionType] : costs.default) ?? 0;
}

/** Tokens to discover a pattern by hand (Model 2), by its name's tier. */
export function patternDiscoveryCost(
  patternName: string,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): number {
  return matchTier(config.patternDiscovery, patternName).tokens;
}

/** Tokens of one failure cycle (Model 3), by the failure pattern's tier. */
export function failureCycleCost(
  failurePattern: string,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): number {
  return matchTier(config.failureCycle, failurePattern).tokens;
}
