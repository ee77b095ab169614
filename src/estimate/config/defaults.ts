import { deepFreeze } from "./freeze.js";
import type { EstimateConfig } from "./schema.js";

/**
 * The specification's models as defaults. Ranges are read as the central
 * 80% of a lognormal (logit-normal for fractions) centred on the
 * specification's constant; `bias.prior` widens every such prior until
 * evidence narrows it. Log-scale spreads are standard deviations of the
 * natural log.
 */
export const DEFAULT_ESTIMATE_CONFIG: EstimateConfig = deepFreeze({
  modelVersion: "tokenledger-estimate/1",
  /** Model 1: one error→retry cycle, by hook intervention type. */
  errorCycle: {
    costs: {
      password_correction: 12_000,
      url_fix: 8_000,
      env_var_fix: 10_000,
      path_correction: 6_000,
      default: 10_000,
    },
    range: { low: 10_000, high: 15_000 },
  },
  /** Model 2: discovering a pattern by hand; first matching tier wins. */
  patternDiscovery: {
    tiers: [
      { match: "orchestrator", tokens: 45_000 },
      { match: "effect", tokens: 30_000 },
      { match: "compute", tokens: 25_000 },
      { match: "reducer", tokens: 28_000 },
    ],
    fallback: 20_000,
    range: { low: 20_000, high: 45_000 },
  },
  /** Model 3: one failure cycle, by words in the failure pattern. */
  failureCycle: {
    tiers: [
      { match: "permission", tokens: 15_000 },
      { match: "network", tokens: 12_000 },
      { match: "syntax", tokens: 5_000 },
    ],
    fallback: 10_000,
    range: { low: 12_000, high: 20_000 },
  },
  /** Cost of a task without manifest intelligence. */
  baselineTask: {
    perComplexity: 50_000,
    perPattern: 25_000,
    perSchema: 5_000,
    debugIntelligence: 15_000,
    spread: 0.4,
  },
  /** Complexity = mean of min(length / lengthScale, 1) and keyword share. */
  complexity: {
    lengthScale: 1_000,
    keywords: [
      "implement",
      "architecture",
      "refactor",
      "optimize",
      "debug",
      "analyze",
      "design",
      "integrate",
    ],
    confidenceSlope: 0.3,
  },
  /** Model 4: a specialist spends this fraction of a generalist's tokens. */
  specialist: { fraction: { low: 0.6, high: 0.8 } },
  /** Whole-task reduction from context up front, when nothing else is known. */
  manifest: { reduction: { low: 0.3, high: 0.5 } },
  /** Model 5: reductions and overhead factors of context optimization. */
  contextOptimization: {
    reduction: { low: 0.5, high: 0.7 },
    heredoc: { low: 2, high: 5 },
    verboseLogging: { low: 5, high: 10 },
    factorTypes: {
      direct_write: "heredoc",
      heredoc: "heredoc",
      minimal_logging: "verboseLogging",
      verbose_logging: "verboseLogging",
    },
  },
  /** Chance the avoided error would really have happened. */
  wouldHaveErred: {
    hook_correction: { low: 0.7, high: 0.95 },
    failure_avoidance: { low: 0.5, high: 0.9 },
  },
  /** Tokens the intervention itself adds to the task. */
  overheadTokens: { hook_correction: 150, failure_avoidance: 400 },
  /** Spread of one event's cost around its type's mean. */
  eventCv: 0.8,
  /** How many measured events the configured spread counts as. */
  eventCvPriorWeight: 8,
  /** Allowance for systematic error, by kind of evidence; holdouts have none. */
  bias: { prior: 0.35, measured: 0.1, transcript: 0.25, before_after: 0.4 },
  /**
   * Spread of one type's holdout ratio around its source's, used until
   * `minCellsForTau` types have holdouts to estimate it from.
   */
  pooling: { tau: 0.25, minCellsForTau: 3 },
  /**
   * Share of a prior's variance that a source's types have in common; the
   * rest is how far one type may sit from its source.
   */
  sourceCorrelation: 0.5,
  holdout: {
    /** Mixed into every assignment; change it to draw a new random split. */
    salt: "tokenledger",
    defaultRateBps: 500,
    sourceRateBps: {},
    typeRateBps: {},
    minPerArm: 1,
    srmAlpha: 0.001,
  },
  /** P10–P90 interval, P2.5 conservative bound, confidence within ±20%. */
  summary: { low: 0.1, high: 0.9, conservative: 0.025, confidenceBand: 0.2 },
  /** Price of a token whose task has no cost: the specification's $30/1M. */
  fallbackMicrosPerToken: 30,
});
