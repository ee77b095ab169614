/** Elementary symmetric polynomials e_0…e_n of `values`. */
function elementary(values: readonly number[]): number[] {
  const e = [1];
  for (const v of values) {
    for (let m = e.length; m >= 1; m -= 1) {
      e[m] = (e[m] ?? 0) + v * (e[m - 1] ?? 0);
    }
  }
  return e;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i += 1) result = (result * (n - k + i)) / i;
  return result;
}

/**
 * Shapley shares of a multiplicative model: each source alone removes the
 * fraction `r[s]` of the cost, together they remove 1 − Π(1 − r). Shares
 * are fractions of the cost without any source and add up to the joint.
 *
 * Source s adds r[s] × Π(1 − r[j]) over the sources j before it; averaging
 * over random orders, a prefix of m others has weight 1 / (k · C(k−1, m)).
 */
export function multiplicativeShapley(r: readonly number[]): number[] {
  const k = r.length;
  return r.map((rs, s) => {
    const others = r.filter((_, j) => j !== s).map((rj) => 1 - rj);
    const e = elementary(others);
    let expected = 0;
    for (let m = 0; m < k; m += 1) {
      expected += (e[m] ?? 0) / (k * binomial(k - 1, m));
    }
    return rs * expected;
  });
}
