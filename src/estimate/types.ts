import type { InterventionSource, Source } from "../domain/sources.js";

/** A detail value, as stored in the specification's per-source tables. */
export type DetailValue = string | number | boolean | null;

/** One unit of agent work with its measured usage. */
export interface EstimateTask {
  readonly correlation_id: string;
  readonly project: string;
  readonly customer: string;
  /** Total billed tokens of the task, all usage records together. */
  readonly tokens: number;
  /** Total cost in integer micro-dollars, or null when unpriced. */
  readonly cost_usd_micros: number | null;
  readonly started_at: string | null;
}

/** Something the tooling did, with its specification columns in `detail`. */
export interface EstimateIntervention {
  readonly id: string;
  readonly correlation_id: string;
  readonly source: InterventionSource;
  readonly type: string;
  readonly at: string;
  readonly estimated_tokens_saved: number | null;
  readonly detail: Readonly<Record<string, DetailValue>>;
}

/** A task where the tooling would have acted but was withheld. */
export interface EstimateHoldout {
  readonly correlation_id: string;
  readonly source: InterventionSource;
  readonly type: string;
}

/**
 * A measurement made outside the randomized holdouts. For `transcript`
 * observations of `hook_correction`, `failure_avoidance` and
 * `pattern_usage`, `value_tokens` is the cost of one error→retry cycle (or
 * one discovery); otherwise it is the saving per treated task.
 */
export interface EstimateObservation {
  readonly source: InterventionSource;
  readonly type: string;
  readonly kind: "transcript" | "before_after";
  readonly value_tokens: number;
  /** How many events `value_tokens` averages over; 1 when absent. */
  readonly n?: number;
}

/** Prompt-cache usage of one task and model, summed over its requests. */
export interface EstimateCacheUsage {
  readonly correlation_id: string;
  readonly model: string;
  readonly cache_read_tokens: number;
  readonly cache_write_5m_tokens: number;
  readonly cache_write_1h_tokens: number;
  /**
   * The saving priced exactly by the caller, request by request (dates,
   * long-context tiers and discounts included); when present the price
   * lookup is not used for this row.
   */
  readonly saved_micros?: number;
  /** `saved_micros` as full-price input tokens. */
  readonly saved_tokens?: number;
}

/** Prices of one model in micro-dollars per million tokens. */
export interface CachePrices {
  readonly input: number;
  readonly cache_read: number;
  readonly cache_write_5m: number;
  readonly cache_write_1h: number;
}

/** Looks up a model's prices; null when the model is unknown. */
export type CachePriceLookup = (model: string) => CachePrices | null;

/** Everything the engine reads, in plain data a store can fill. */
export interface EstimateInput {
  readonly tasks: readonly EstimateTask[];
  readonly interventions: readonly EstimateIntervention[];
  readonly holdouts: readonly EstimateHoldout[];
  readonly observations?: readonly EstimateObservation[];
  readonly cache?: readonly EstimateCacheUsage[];
}

export interface EstimateOptions {
  /** Any integer; the same seed and input give the same figures. */
  readonly seed: number;
  /** Monte Carlo draws; 1000 when absent. */
  readonly draws?: number;
  /** Needed only when `input.cache` is not empty. */
  readonly cachePrices?: CachePriceLookup;
}

/** A saving with its range, in tokens and in money. */
export interface SavingsFigures {
  readonly tokens_saved: number;
  readonly tokens_saved_low: number;
  readonly tokens_saved_high: number;
  /** A lower bound the true token saving exceeds with high probability. */
  readonly conservative_low: number;
  /** Probability that the true token saving is within ±20% of the estimate. */
  readonly confidence: number;
  readonly cost_saved_usd: number;
  readonly cost_saved_usd_low: number;
  readonly cost_saved_usd_high: number;
  readonly cost_conservative_low_usd: number;
  readonly cost_confidence: number;
  readonly cost_saved_micros: number;
  readonly cost_saved_micros_low: number;
  readonly cost_saved_micros_high: number;
}

/** Sample-ratio check of one source/type's holdout split. */
export interface SampleRatio {
  readonly treated: number;
  readonly held: number;
  readonly expected_hold_fraction: number;
  readonly p_value: number;
  readonly mismatch: boolean;
}

/** What an estimate rests on. */
export interface Evidence {
  readonly model_version: string;
  readonly interventions: number;
  readonly treated_tasks: number;
  readonly holdout: { readonly treated: number; readonly held: number };
  readonly observational: number;
  readonly measured_events: number;
  readonly prior_only: boolean;
  readonly tasks_missing_usage: number;
}

export interface TypeEstimate extends SavingsFigures {
  readonly source: Source;
  readonly type: string;
  readonly method: string;
  readonly evidence: Evidence;
  readonly sample_ratio: SampleRatio | null;
}

export interface SourceEstimate extends SavingsFigures {
  readonly source: Source;
  readonly method: string;
  readonly evidence: Evidence;
  /** The saving as each source claims it, before overlaps are split. */
  readonly gross: SavingsFigures;
  /** Per type, for display: never add these up, the totals do that. */
  readonly types: readonly TypeEstimate[];
}

export interface SavingsEstimate extends SavingsFigures {
  readonly model_version: string;
  readonly method: string;
  readonly seed: number;
  readonly draws: number;
  readonly evidence: Evidence;
  readonly gross: SavingsFigures;
  readonly sources: readonly SourceEstimate[];
}
