/**
 * The specification's constant models, as it wrote them. They fill the
 * specification tables' `estimated_tokens_saved` when a source does not
 * report its own; reports replace them with estimates that carry ranges.
 */
export const ERROR_CYCLE_TOKENS: Readonly<Record<string, number>> =
  Object.freeze({
    password_correction: 12_000,
    url_fix: 8_000,
    env_var_fix: 10_000,
    path_correction: 6_000,
    default: 10_000,
  });

/** Checked in this order, as the specification does. */
const PATTERN_TIERS = [
  ["orchestrator", 45_000],
  ["effect", 30_000],
  ["compute", 25_000],
  ["reducer", 28_000],
] as const;

const FAILURE_TIERS = [
  ["permission", 15_000],
  ["network", 12_000],
  ["syntax", 5_000],
] as const;

export const COMPLEX_KEYWORDS = Object.freeze([
  "implement",
  "architecture",
  "refactor",
  "optimize",
  "debug",
  "analyze",
  "design",
  "integrate",
]);

export function errorCycleCost(interventionType: string): number {
  return ERROR_CYCLE_TOKENS[interventionType] ?? 10_000;
}

export function patternTier(patternName: string): string {
  const name = patternName.toLowerCase();
  return PATTERN_TIERS.find(([tier]) => name.includes(tier))?.[0] ?? "simple";
}

export function patternDiscoveryCost(patternName: string): number {
  const name = patternName.toLowerCase();
  return PATTERN_TIERS.find(([tier]) => name.includes(tier))?.[1] ?? 20_000;
}

export function failureTier(failurePattern: string): string {
  const text = failurePattern.toLowerCase();
  return FAILURE_TIERS.find(([tier]) => text.includes(tier))?.[0] ?? "other";
}

export function failureCycleCost(failurePattern: string): number {
  const text = failurePattern.toLowerCase();
  return FAILURE_TIERS.find(([tier]) => text.includes(tier))?.[1] ?? 10_000;
}

/** 0 (simple) to 1 (complex): length and the eight keywords, averaged. */
export function taskComplexity(description: string): number {
  const length = Math.min(description.length / 1000, 1);
  const lower = description.toLowerCase();
  const hits = COMPLEX_KEYWORDS.filter((k) => lower.includes(k)).length;
  return (length + hits / COMPLEX_KEYWORDS.length) / 2;
}

export function complexityConfidence(complexity: number): number {
  return 1 - complexity * 0.3;
}

export interface ManifestContent {
  readonly patterns: number;
  readonly schemas: number;
  readonly debugIntelligence: boolean;
}

export function baselineTaskCost(
  complexity: number,
  m: ManifestContent,
): number {
  const base = Math.trunc(complexity * 50_000);
  return (
    base +
    m.patterns * 25_000 +
    m.schemas * 5_000 +
    (m.debugIntelligence ? 15_000 : 0)
  );
}

/** The specification's fixed confidence per source, where it gives one. */
export const SPEC_CONFIDENCE = Object.freeze({
  hook_correction: 0.8,
  pattern_usage: 0.7,
  failure_avoidance: 0.75,
});
