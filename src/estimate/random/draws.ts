import type { Rng } from "./rng.js";

/** A standard normal draw (Box–Muller, one value per call). */
export function normalDraw(rng: Rng): number {
  const radius = Math.sqrt(-2 * Math.log(rng.next()));
  return radius * Math.cos(2 * Math.PI * rng.next());
}

/** Standard normal draws that use both values of each Box–Muller pair. */
export function normalStream(rng: Rng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(rng.next()));
    const angle = 2 * Math.PI * rng.next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/**
 * A gamma draw with the given shape and unit scale (Marsaglia–Tsang),
 * taking its normal draws from `normal`.
 */
export function gammaDraw(
  rng: Rng,
  shape: number,
  normal: () => number = () => normalDraw(rng),
): number {
  if (shape < 1) {
    return gammaDraw(rng, shape + 1, normal) * rng.next() ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
