import { erfc } from "../stats/normal.js";
import type { SampleRatio } from "../types.js";

/**
 * Checks an observed treat/hold split against the configured rate with a
 * one-degree-of-freedom chi-square test; `mismatch` when p < alpha.
 */
export function sampleRatioCheck(
  treated: number,
  held: number,
  rateBasisPoints: number,
  alpha: number,
): SampleRatio {
  const expected = rateBasisPoints / 10_000;
  const total = treated + held;
  const p = pValue(held, total, expected);
  return {
    treated,
    held,
    expected_hold_fraction: expected,
    p_value: p,
    mismatch: p < alpha,
  };
}

function pValue(held: number, total: number, expected: number): number {
  if (total === 0) return 1;
  if (expected <= 0 || expected >= 1) {
    const impossible = expected <= 0 ? held > 0 : held < total;
    return impossible ? 0 : 1;
  }
  const spread = total * expected * (1 - expected);
  const chiSquare = (held - total * expected) ** 2 / spread;
  return erfc(Math.sqrt(chiSquare / 2));
}
