import { noToolingMultiple } from "./no-tooling-cost.js";
import { multiplicativeShapley } from "./shapley.js";

/**
 * Splits the claims several sources make on one task so the parts add up
 * to the joint saving. Claims are savings as multiples of the task's
 * actual cost, each as if its source acted alone. Positive claims overlap
 * multiplicatively and are split by Shapley value; a negative claim (the
 * tooling cost more) is kept as it is.
 */
export function splitClaims(claims: readonly number[]): number[] {
  const positive = claims.flatMap((k, i) => (k > 0 ? [i] : []));
  if (positive.length < 2) return [...claims];
  const ks = positive.map((i) => claims[i] ?? 0);
  const x = noToolingMultiple(ks);
  const shares = multiplicativeShapley(ks.map((k) => k / x));
  const net = [...claims];
  positive.forEach((i, j) => {
    net[i] = (shares[j] ?? 0) * x;
  });
  return net;
}
