import type { Noise } from "../random/noise.js";
import { normalQuantile } from "../stats/normal.js";
import { studentTQuantile } from "../stats/student-t.js";

export type PieceKind =
  | "prior"
  | "measured"
  | "holdout"
  | "pooled"
  | "transcript"
  | "before_after";

/**
 * One piece of evidence about a parameter on a log (or logit) scale: a
 * centre, a sampling variance with Student t tails of `df` degrees of
 * freedom, and a standard deviation allowed for systematic bias.
 */
export interface Piece {
  readonly kind: PieceKind;
  readonly mean: number;
  readonly variance: number;
  readonly df: number;
  readonly bias: number;
  /** Events or tasks behind the piece; 0 for priors. */
  readonly n: number;
  /**
   * Share of the piece's variance that all types of the source have in
   * common (priors and pooled evidence err together); normal pieces only.
   */
  readonly shared: number;
}

const Z90 = normalQuantile(0.9);

/** Keeps precision finite when every task in a sample cost the same. */
const FLOOR = 1e-12;

/** Variance of a normal whose 80% interval matches the piece's. */
export function effectiveVariance(piece: Piece): number {
  const scale = studentTQuantile(0.9, piece.df) / Z90;
  const v = piece.variance * scale * scale + piece.bias * piece.bias;
  return Math.max(v, FLOOR);
}

/** One draw of the piece; `common` is the source's shock for this draw. */
export function drawPiece(piece: Piece, noise: Noise, common: number): number {
  if (piece.shared > 0) {
    const own = Math.sqrt(1 - piece.shared) * noise.normal();
    const z = Math.sqrt(piece.shared) * common + own;
    return piece.mean + Math.sqrt(piece.variance + piece.bias ** 2) * z;
  }
  const sampling = Math.sqrt(piece.variance) * noise.studentT(piece.df);
  return piece.mean + sampling + piece.bias * noise.normal();
}
