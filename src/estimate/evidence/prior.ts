import { normalQuantile } from "../stats/normal.js";
import type { Piece } from "./piece.js";

const Z90 = normalQuantile(0.9);

interface Range {
  readonly low: number;
  readonly high: number;
}

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * A normal prior whose central 80% spans `low`–`high` on the working scale,
 * widened by `bias`; `shared` is the share its source's types have in common.
 */
function spanPrior(
  low: number,
  high: number,
  bias: number,
  shared: number,
): Piece {
  const spread = (high - low) / (2 * Z90);
  return {
    kind: "prior",
    mean: (low + high) / 2,
    variance: spread * spread,
    df: Infinity,
    bias,
    n: 0,
    shared,
  };
}

/** A lognormal prior on a multiplier, centred on 1 with the range's spread. */
export function multiplierPrior(
  range: Range,
  bias: number,
  shared: number,
): Piece {
  const half = Math.log(range.high / range.low) / 2;
  return spanPrior(-half, half, bias, shared);
}

/** A lognormal prior on a positive quantity the range brackets. */
export function lognormalPrior(
  range: Range,
  bias: number,
  shared: number,
): Piece {
  return spanPrior(Math.log(range.low), Math.log(range.high), bias, shared);
}

/** A logit-normal prior on a fraction the range brackets. */
export function logitPrior(range: Range, bias: number, shared: number): Piece {
  return spanPrior(logit(range.low), logit(range.high), bias, shared);
}

/** A prior of log-scale spread `spread` around 0. */
export function spreadPrior(
  spread: number,
  bias: number,
  shared: number,
): Piece {
  const half = spread * Z90;
  return spanPrior(-half, half, bias, shared);
}
