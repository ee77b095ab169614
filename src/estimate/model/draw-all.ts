import { type CellDraws, drawCell } from "./cell-draws.js";
import type { CellPlan } from "./cell-plan.js";
import { type SourceShocks, sourceShocks } from "./shocks.js";

export interface DrawAllSettings {
  readonly seed: number;
  readonly draws: number;
  readonly microsPerToken: number;
}

/**
 * Draws every cell. Each cell and each source's shared shocks have their
 * own random stream, so adding records to one type leaves the draws of
 * the others as they were.
 */
export function drawAll(
  plans: readonly CellPlan[],
  s: DrawAllSettings,
): CellDraws[] {
  const bySource = new Map<string, SourceShocks>();
  return plans.map((plan) => {
    const source = plan.data.cell.source;
    let shocks = bySource.get(source);
    if (shocks === undefined) {
      shocks = sourceShocks(s.seed, source, s.draws);
      bySource.set(source, shocks);
    }
    return drawCell(plan, { ...s, shocks });
  });
}
