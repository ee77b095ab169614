import { DEFAULT_ESTIMATE_CONFIG } from "../config/defaults.js";
import type { EstimateConfig } from "../config/schema.js";

interface TierTable {
  readonly tiers: readonly {
    readonly match: string;
    readonly tokens: number;
  }[];
  readonly fallback: number;
}

/** The first tier whose word appears in `text`, case-insensitively. */
export function matchTier(
  table: TierTable,
  text: string,
): { readonly name: string; readonly tokens: number } {
  const lower = text.toLowerCase();
  const hit = table.tiers.find((t) => lower.includes(t.match.toLowerCase()));
  return hit
    ? { name: hit.match, tokens: hit.tokens }
    : { name: "default", tokens: table.fallback };
}

/** The pattern-discovery tier of a pattern name, or `default`. */
export function patternTier(
  patternName: string,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): string {
  return matchTier(config.patternDiscovery, patternName).name;
}

/** The failure tier of a failure pattern, or `default`. */
export function failureTier(
  failurePattern: string,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): string {
  return matchTier(config.failureCycle, failurePattern).name;
}
