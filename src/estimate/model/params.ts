import type { InterventionSource } from "../../domain/sources.js";
import type { EstimateConfig } from "../config/schema.js";
import { type Combination, combinePieces } from "../evidence/combine.js";
import type { Piece } from "../evidence/piece.js";
import {
  logitPrior,
  lognormalPrior,
  multiplierPrior,
  spreadPrior,
} from "../evidence/prior.js";
import type { SumKey, TermSums } from "./sums.js";

/** The parameters of a cell's model, each on a log or logit scale. */
export interface ModelParams {
  /** Log multiplier on the specification's cycle or discovery costs. */
  readonly cost: Combination | null;
  /** Logit of the chance the avoided error would have happened. */
  readonly wouldErr: Piece | null;
  /** Log multiplier on modelled task baselines. */
  readonly baseline: Piece | null;
  /** Log multiplier on recorded baselines and savings. */
  readonly measured: Piece | null;
  readonly heredoc: Piece | null;
  readonly verboseLogging: Piece | null;
  /** Logit of the whole-task reduction. */
  readonly ratio: Piece | null;
}

type Range = { readonly low: number; readonly high: number };

function costRange(config: EstimateConfig, source: InterventionSource) {
  if (source === "failure_avoidance") return config.failureCycle.range;
  if (source === "pattern_usage") return config.patternDiscovery.range;
  return config.errorCycle.range;
}

/** The prior on the log multiplier of a source's cycle or discovery costs. */
export function costPrior(
  config: EstimateConfig,
  source: InterventionSource,
): Piece {
  const range = costRange(config, source);
  return multiplierPrior(range, config.bias.prior, config.sourceCorrelation);
}

function reductionRange(
  config: EstimateConfig,
  source: InterventionSource,
): Range {
  if (source === "manifest_intelligence") return config.manifest.reduction;
  if (source === "context_optimization") {
    return config.contextOptimization.reduction;
  }
  const { low, high } = config.specialist.fraction;
  return { low: 1 - high, high: 1 - low };
}

function wouldErrRange(config: EstimateConfig, source: InterventionSource) {
  return source === "failure_avoidance"
    ? config.wouldHaveErred.failure_avoidance
    : config.wouldHaveErred.hook_correction;
}

/**
 * Priors for the parameters a cell's terms need; `costPieces` (the cost
 * prior or what sibling types say, and measured costs) are combined into
 * the cost multiplier.
 */
export function buildParams(
  config: EstimateConfig,
  source: InterventionSource,
  sums: ReadonlyMap<SumKey, TermSums>,
  costPieces: readonly Piece[],
): ModelParams {
  const bias = config.bias.prior;
  const rho = config.sourceCorrelation;
  const has = (key: SumKey) => sums.has(key);
  const needsCost = has("cycle") || has("discovery");
  const measured: Piece = {
    ...spreadPrior(0, config.bias.measured, 0),
    kind: "measured",
  };
  const co = config.contextOptimization;
  const when = (key: SumKey, make: () => Piece) => (has(key) ? make() : null);
  return {
    cost: needsCost ? combinePieces(costPieces) : null,
    wouldErr: when("cycle", () =>
      logitPrior(wouldErrRange(config, source), bias, rho),
    ),
    baseline: when("baseline", () =>
      spreadPrior(config.baselineTask.spread, bias, rho),
    ),
    measured: when("measured", () => measured),
    heredoc: when("heredoc", () => lognormalPrior(co.heredoc, bias, rho)),
    verboseLogging: when("verboseLogging", () =>
      lognormalPrior(co.verboseLogging, bias, rho),
    ),
    ratio: when("ratio", () =>
      logitPrior(reductionRange(config, source), bias, rho),
    ),
  };
}
