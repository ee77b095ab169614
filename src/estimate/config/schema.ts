import { z } from "zod";
import { INTERVENTION_SOURCES } from "../../domain/sources.js";

const tokens = z.number().int().nonnegative();
const positive = z.number().positive().finite();
const logSpread = z.number().nonnegative().finite();
const probability = z.number().gt(0).lt(1);
const basisPoints = z.number().int().min(0).max(10_000);

/** A range read as the central 80% (P10–P90) of a distribution. */
const range = z
  .strictObject({ low: positive, high: positive })
  .refine((r) => r.low < r.high, "low must be below high");

const fractionRange = z
  .strictObject({ low: probability, high: probability })
  .refine((r) => r.low < r.high, "low must be below high");

const tier = z.strictObject({ match: z.string().min(1), tokens });

const tiers = z.strictObject({
  tiers: z.array(tier),
  fallback: tokens,
  range,
});

const bySource = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    hook_correction: value,
    failure_avoidance: value,
  });

export const estimateConfigSchema = z.strictObject({
  modelVersion: z.string().min(1),
  errorCycle: z.strictObject({
    costs: z
      .record(z.string(), tokens)
      .refine((c) => Object.hasOwn(c, "default"), "needs a `default` cost"),
    range,
  }),
  patternDiscovery: tiers,
  failureCycle: tiers,
  baselineTask: z.strictObject({
    perComplexity: tokens,
    perPattern: tokens,
    perSchema: tokens,
    debugIntelligence: tokens,
    spread: logSpread,
  }),
  complexity: z.strictObject({
    lengthScale: positive,
    keywords: z.array(z.string().min(1)).min(1),
    confidenceSlope: z.number().min(0).max(1),
  }),
  specialist: z.strictObject({ fraction: fractionRange }),
  manifest: z.strictObject({ reduction: fractionRange }),
  contextOptimization: z.strictObject({
    reduction: fractionRange,
    heredoc: range,
    verboseLogging: range,
    factorTypes: z.record(z.string(), z.enum(["heredoc", "verboseLogging"])),
  }),
  wouldHaveErred: bySource(fractionRange),
  overheadTokens: bySource(tokens),
  eventCv: positive,
  eventCvPriorWeight: z.number().nonnegative().finite(),
  bias: z.strictObject({
    prior: logSpread,
    measured: logSpread,
    transcript: logSpread,
    before_after: logSpread,
  }),
  pooling: z.strictObject({
    tau: logSpread,
    minCellsForTau: z.number().int().min(2),
  }),
  sourceCorrelation: z.number().min(0).max(1),
  holdout: z.strictObject({
    salt: z.string().min(1),
    defaultRateBps: basisPoints,
    sourceRateBps: z.partialRecord(z.enum(INTERVENTION_SOURCES), basisPoints),
    typeRateBps: z.record(z.string(), basisPoints),
    minPerArm: z.number().int().min(1),
    srmAlpha: probability,
  }),
  summary: z
    .strictObject({
      low: probability,
      high: probability,
      conservative: probability,
      confidenceBand: positive,
    })
    .refine((s) => s.low < s.high, "low must be below high"),
  fallbackMicrosPerToken: positive,
});

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** The estimation engine's settings; see DEFAULT_ESTIMATE_CONFIG. */
export type EstimateConfig = DeepReadonly<
  z.output<typeof estimateConfigSchema>
>;

/** A partial override of EstimateConfig, merged key by key. */
export type EstimateConfigOverride = {
  readonly [K in keyof EstimateConfig]?: unknown;
};
