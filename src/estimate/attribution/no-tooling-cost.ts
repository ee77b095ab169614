/**
 * The cost without any tooling, as a multiple x of the actual cost, when
 * each source's claim k[s] (a saving as a multiple of the actual cost) is
 * what it saves acting alone: x · Π(1 − k[s]/x) = 1. The left side grows
 * with x above the largest claim, so bisection finds the one root.
 */
export function noToolingMultiple(claims: readonly number[]): number {
  const product = (x: number) => claims.reduce((p, k) => p * (1 - k / x), x);
  let low = Math.max(...claims, 0);
  let high = 1 + claims.reduce((a, k) => a + k, 0);
  for (let i = 0; i < 80 && high - low > 1e-12 * high; i += 1) {
    const mid = (low + high) / 2;
    if (product(mid) < 1) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
