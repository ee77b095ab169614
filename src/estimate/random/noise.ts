import { gammaDraw, normalStream } from "./draws.js";
import type { Rng } from "./rng.js";

/**
 * Where a Monte Carlo pass gets its randomness. The central noise returns
 * each distribution's centre, so one pass through the same code yields the
 * point estimate.
 */
export interface Noise {
  normal(): number;
  /** Student t; normal when df is not finite. */
  studentT(df: number): number;
  gamma(shape: number): number;
}

export function randomNoise(rng: Rng): Noise {
  const normal = normalStream(rng);
  const gamma = (shape: number) => gammaDraw(rng, shape, normal);
  return {
    normal,
    studentT: (df) =>
      Number.isFinite(df)
        ? normal() / Math.sqrt((2 * gamma(df / 2)) / df)
        : normal(),
    gamma,
  };
}

export const CENTRAL_NOISE: Noise = Object.freeze({
  normal: () => 0,
  studentT: () => 0,
  gamma: (shape: number) => shape,
});
