import type { EstimateConfig } from "../config/schema.js";
import type { CellData } from "./cell-data.js";
import { type CellPlan, planSource } from "./cell-plan.js";

/** Plans every cell, source by source, keeping the cells' order. */
export function planAll(
  cells: readonly CellData[],
  config: EstimateConfig,
): CellPlan[] {
  const bySource = new Map<string, CellData[]>();
  for (const c of cells) {
    const list = bySource.get(c.cell.source) ?? [];
    list.push(c);
    bySource.set(c.cell.source, list);
  }
  const planned = new Map<string, CellPlan>();
  for (const list of bySource.values()) {
    for (const plan of planSource(list, config)) {
      planned.set(plan.data.cell.key, plan);
    }
  }
  return cells.map((c) => planned.get(c.cell.key) as CellPlan);
}
