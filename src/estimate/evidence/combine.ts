import type { Noise } from "../random/noise.js";
import { drawPiece, effectiveVariance, type Piece } from "./piece.js";

/** Pieces weighted by precision, with weights that sum to 1. */
export interface Combination {
  readonly pieces: readonly Piece[];
  readonly weights: readonly number[];
  readonly center: number;
  /** Variance of the combination, counting bias allowances. */
  readonly variance: number;
}

export function combinePieces(pieces: readonly Piece[]): Combination {
  const precisions = pieces.map((p) => 1 / effectiveVariance(p));
  const total = precisions.reduce((a, b) => a + b, 0);
  const weights = precisions.map((p) => p / total);
  const center = pieces.reduce((a, p, i) => a + p.mean * (weights[i] ?? 0), 0);
  return { pieces, weights, center, variance: 1 / total };
}

/**
 * One draw of the combination: each piece drawn with its own tails, then
 * averaged with the precision weights. For normal pieces this is exactly
 * the precision-weighted posterior; t pieces keep their heavier tails.
 */
export function drawCombination(
  combination: Combination,
  noise: Noise,
  common: number,
): number {
  let value = 0;
  combination.pieces.forEach((piece, i) => {
    value += (combination.weights[i] ?? 0) * drawPiece(piece, noise, common);
  });
  return value;
}
