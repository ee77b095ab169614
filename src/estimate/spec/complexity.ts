import { DEFAULT_ESTIMATE_CONFIG } from "../config/defaults.js";
import type { EstimateConfig } from "../config/schema.js";

/**
 * The specification's complexity heuristic, 0 (simple) to 1 (complex): the
 * mean of the description's length over 1,000 characters (capped at 1) and
 * the share of the eight complexity keywords it contains.
 */
export function taskComplexity(
  description: string,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): number {
  const { lengthScale, keywords } = config.complexity;
  const lengthScore = Math.min(description.length / lengthScale, 1);
  const lower = description.toLowerCase();
  const found = keywords.filter((k) => lower.includes(k)).length;
  return (lengthScore + found / keywords.length) / 2;
}

/** Confidence in a baseline estimate: 1 − 0.3 × complexity. */
export function complexityConfidence(
  complexity: number,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): number {
  const clamped = Math.min(Math.max(complexity, 0), 1);
  return 1 - clamped * config.complexity.confidenceSlope;
}
