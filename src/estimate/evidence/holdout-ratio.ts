import type { Piece } from "./piece.js";

interface Arm {
  readonly n: number;
  readonly mean: number;
  readonly cv2: number;
}

function arm(costs: readonly number[]): Arm {
  const n = costs.length;
  let sum = 0;
  for (const c of costs) sum += c;
  const mean = sum / n;
  let squares = 0;
  for (const c of costs) squares += (c - mean) ** 2;
  return { n, mean, cv2: squares / (n - 1) / (mean * mean) };
}

/**
 * Evidence from a randomized holdout: the log of the ratio of mean task cost
 * without the tooling (held-out tasks) to mean cost with it (treated tasks).
 *
 * Heavy-tailed costs make a small arm's own spread unreliable, so the
 * squared coefficient of variation is pooled over both arms (the tooling
 * scales costs, it does not reshape them). The log of each mean is
 * corrected for its second-order bias, −CV²/2n, and the tails are Student t
 * with the smaller arm's degrees of freedom. Returns null when an arm has
 * fewer than `minPerArm` (at least two) tasks or no cost.
 */
export function holdoutRatio(
  treatedCosts: readonly number[],
  heldCosts: readonly number[],
  minPerArm = 2,
): Piece | null {
  const least = Math.max(minPerArm, 2);
  if (treatedCosts.length < least || heldCosts.length < least) return null;
  const treated = arm(treatedCosts);
  const held = arm(heldCosts);
  if (!(treated.mean > 0 && held.mean > 0)) return null;
  const cv2 =
    (treated.cv2 * (treated.n - 1) + held.cv2 * (held.n - 1)) /
    (treated.n + held.n - 2);
  const correction = cv2 / (2 * held.n) - cv2 / (2 * treated.n);
  return {
    kind: "holdout",
    mean: Math.log(held.mean / treated.mean) + correction,
    variance: cv2 * (1 / held.n + 1 / treated.n),
    df: Math.min(held.n, treated.n) - 1,
    bias: 0,
    n: treated.n + held.n,
    shared: 0,
  };
}
