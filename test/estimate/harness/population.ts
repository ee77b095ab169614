import { normalDraw } from "../../../src/estimate/random/draws.js";
import type { Rng } from "../../../src/estimate/random/rng.js";

/** How heavy-tailed one project's task costs are. */
export interface CostShape {
  /** Log-scale spread of ordinary tasks. */
  readonly spread: number;
  /** Share of tiny tasks and how far below the rest they sit (log scale). */
  readonly tinyShare: number;
  readonly tinyShift: number;
  /** Chance a task runs away, and by how much it multiplies. */
  readonly runawayChance: number;
  readonly runawayFactor: number;
}

const between = (rng: Rng, low: number, high: number) =>
  low + (high - low) * rng.next();

/** A project's cost shape: per-task CV about 1.5–2.3, log spread 1.1–1.9. */
export function drawShape(rng: Rng, stress = false): CostShape {
  return {
    spread: between(rng, 0.8, 1.1),
    tinyShare: between(rng, 0.1, 0.4),
    tinyShift: between(rng, 2, 3.5),
    runawayChance: stress ? between(rng, 0.03, 0.05) : between(rng, 0.01, 0.02),
    runawayFactor: stress ? between(rng, 10, 30) : between(rng, 4, 10),
  };
}

/** One task's tokens without the tooling. */
export function drawTokens(rng: Rng, shape: CostShape, median: number): number {
  let log = shape.spread * normalDraw(rng);
  if (rng.next() < shape.tinyShare) log -= shape.tinyShift;
  const runaway = rng.next() < shape.runawayChance ? shape.runawayFactor : 1;
  return Math.max(1, Math.round(median * Math.exp(log) * runaway));
}

/** Micro-dollars per token of one task: its model mix varies the price. */
export function drawRate(rng: Rng): number {
  return 3 * Math.exp(0.3 * normalDraw(rng));
}
