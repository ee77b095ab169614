const A = [
  -39.696830286653757, 220.9460984245205, -275.92851044696869, 138.357751867269,
  -30.66479806614716, 2.5066282774592392,
] as const;
const B = [
  -54.476098798224058, 161.58583685804089, -155.69897985988661,
  66.80131188771972, -13.280681552885721,
] as const;
const C = [
  -0.0077848940024302926, -0.32239645804113648, -2.4007582771618381,
  -2.549732539343734, 4.3746641414649678, 2.9381639826987831,
] as const;
const D = [
  0.0077846957090414622, 0.32246712907003983, 2.445134137142996,
  3.7544086619074162,
] as const;

function poly(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, c) => acc * x + c, 0);
}

function tail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return poly(C, q) / (poly(D, q) * q + 1);
}

/** The standard normal quantile (Acklam's rational approximation). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (p < 0.02425) return tail(p);
  if (p > 1 - 0.02425) return -tail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/** The complementary error function, to about 1e-7 relative. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const series = poly(
    [
      0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806,
      0.09678418, 0.37409196, 1.00002368, -1.26551223,
    ],
    t,
  );
  const value = t * Math.exp(-z * z + series);
  return x >= 0 ? value : 2 - value;
}

/** The standard normal distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
