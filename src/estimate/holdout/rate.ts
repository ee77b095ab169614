import type { InterventionSource } from "../../domain/sources.js";
import type { EstimateConfig } from "../config/schema.js";

/**
 * The configured holdout rate of a source/type in basis points: the
 * `source/type` entry, else the source's, else the default.
 */
export function holdoutRateBps(
  config: EstimateConfig,
  source: InterventionSource,
  type: string,
): number {
  const { typeRateBps, sourceRateBps, defaultRateBps } = config.holdout;
  const key = `${source}/${type}`;
  if (Object.hasOwn(typeRateBps, key)) return typeRateBps[key] ?? 0;
  return sourceRateBps[source] ?? defaultRateBps;
}
