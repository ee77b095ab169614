import type { Piece } from "./piece.js";

interface Arm {
  readonly costs: readonly number[];
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
  // One task has no spread of its own; the other arm's is pooled.
  const cv2 = n > 1 ? squares / (n - 1) / (mean * mean) : 0;
  return { costs, n, mean, cv2 };
}

/**
 * Kurtosis of both arms' costs, each scaled to its own mean, so that the
 * tooling's effect on the level does not count as spread.
 */
function pooledKurtosis(a: Arm, b: Arm): number {
  let second = 0;
  let fourth = 0;
  for (const { costs, mean } of [a, b]) {
    for (const c of costs) {
      const d = c / mean - 1;
      second += d * d;
      fourth += d * d * d * d;
    }
  }
  const n = a.n + b.n;
  return second > 0 ? fourth / n / (second / n) ** 2 : 3;
}

/**
 * Degrees of freedom of the pooled spread. A sample's variance is much less
 * certain for heavy-tailed costs than for normal ones: its relative
 * variance is (κ − 1)/n instead of 2/n, so its degrees of freedom are
 * 2n/(κ − 1) (Satterthwaite), never more than the smaller arm's n − 1.
 */
function degreesOfFreedom(treated: Arm, held: Arm): number {
  const smaller = Math.min(treated.n, held.n) - 1;
  const kurtosis = pooledKurtosis(treated, held);
  const pooled = treated.n + held.n - 2;
  const heavy = (2 * pooled) / Math.max(kurtosis - 1, 2);
  return Math.max(1, Math.min(smaller, heavy));
}

/**
 * Evidence from a randomized holdout: the log of the ratio of mean task cost
 * without the tooling (held-out tasks) to mean cost with it (treated tasks).
 *
 * Heavy-tailed costs make a small arm's own spread unreliable, so the
 * squared coefficient of variation is pooled over both arms (the tooling
 * scales costs, it does not reshape them). The log of each mean is
 * corrected for its second-order bias, −CV²/2n, and the tails are Student t
 * with degrees of freedom that shrink as the costs' tails grow heavier.
 * An arm of one task borrows its spread from the other, with one degree of
 * freedom: an interval that wide says how little a lone task tells.
 * Returns null when an arm has fewer than `minPerArm` (at least one)
 * tasks, when neither arm has two, or when an arm has no cost.
 */
export function holdoutRatio(
  treatedCosts: readonly number[],
  heldCosts: readonly number[],
  minPerArm = 1,
): Piece | null {
  const least = Math.max(minPerArm, 1);
  if (treatedCosts.length < least || heldCosts.length < least) return null;
  if (treatedCosts.length + heldCosts.length < 3) return null;
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
    df: degreesOfFreedom(treated, held),
    bias: 0,
    n: treated.n + held.n,
    shared: 0,
  };
}
