import { mean, variance } from "../stats/sample.js";
import type { EstimateObservation } from "../types.js";
import type { Piece } from "./piece.js";

type Kind = EstimateObservation["kind"];

/** Observations of one kind, reduced to a mean per event and its spread. */
export interface ObservedMean {
  readonly kind: Kind;
  readonly mean: number;
  /** Squared coefficient of variation of a single event. */
  readonly cv2: number;
  readonly n: number;
  /** Degrees of freedom of `cv2`: ∞ when it is the configured default. */
  readonly df: number;
}

/** The configured spread of one event and how many events it counts as. */
export interface SpreadPrior {
  readonly cv: number;
  readonly weight: number;
}

function summarize(
  kind: Kind,
  observations: readonly EstimateObservation[],
  prior: SpreadPrior,
): ObservedMean {
  const counts = observations.map((o) => Math.max(o.n ?? 1, 1));
  const n = counts.reduce((a, b) => a + b, 0);
  const total = observations.reduce(
    (a, o, i) => a + o.value_tokens * (counts[i] ?? 1),
    0,
  );
  const values = observations.map((o) => o.value_tokens);
  const spread = variance(values) / mean(values) ** 2;
  if (!(values.length >= 3 && Number.isFinite(spread))) {
    return { kind, mean: total / n, cv2: prior.cv ** 2, n, df: Infinity };
  }
  // Each value averages n events: its spread understates one event's. Few
  // skewed values understate it too, so the configured spread is blended in.
  const df = values.length - 1;
  const cv2 =
    (df * spread * mean(counts) + prior.weight * prior.cv ** 2) /
    (df + prior.weight);
  return { kind, mean: total / n, cv2, n, df: df + prior.weight };
}

/** One summary per kind of observation present. */
export function summarizeObservations(
  observations: readonly EstimateObservation[],
  prior: SpreadPrior,
): ObservedMean[] {
  const kinds: Kind[] = ["transcript", "before_after"];
  return kinds.flatMap((kind) => {
    const ofKind = observations.filter((o) => o.kind === kind);
    return ofKind.length > 0 ? [summarize(kind, ofKind, prior)] : [];
  });
}

/**
 * A measured cycle cost as evidence on log(cost / reference). The log of a
 * mean of n skewed costs sits about CV²/2n low; that is added back.
 */
export function cyclePiece(
  observed: ObservedMean,
  reference: number,
  bias: number,
): Piece | null {
  if (!(observed.mean > 0 && reference > 0)) return null;
  const variance = observed.cv2 / observed.n;
  return {
    kind: observed.kind,
    mean: Math.log(observed.mean / reference) + variance / 2,
    variance,
    df: observed.df,
    bias,
    n: observed.n,
    shared: 0,
  };
}

/** A measured saving per task as evidence on log(counterfactual / actual). */
export function savingPiece(
  observed: ObservedMean,
  meanActual: number,
  bias: number,
): Piece | null {
  const ratio = 1 + observed.mean / meanActual;
  if (!(meanActual > 0 && ratio > 0)) return null;
  return {
    kind: observed.kind,
    mean: Math.log(ratio),
    variance: observed.cv2 / observed.n,
    df: observed.df,
    bias,
    n: observed.n,
    shared: 0,
  };
}
