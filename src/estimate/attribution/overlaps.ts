import type { CellDraws } from "../model/cell-draws.js";
import type { Ledger } from "../model/ledger.js";
import { splitClaims } from "./split-claims.js";

/** Tasks claimed by the same set of sources, added together. */
export interface OverlapGroup {
  /** Indices into the cell list, and the source index of each. */
  readonly cells: readonly number[];
  readonly sources: readonly number[];
  readonly tokens: number;
  readonly micros: number;
}

function signatures(cells: readonly CellDraws[]): Map<string, number[]> {
  const byTask = new Map<string, number[]>();
  cells.forEach((c, i) => {
    if (!(c.plan.data.actual.tokens > 0)) return;
    for (const id of c.plan.data.cell.treated) {
      const list = byTask.get(id) ?? [];
      list.push(i);
      byTask.set(id, list);
    }
  });
  return byTask;
}

/**
 * Groups the tasks on which more than one source claims a saving. Claims
 * within a cell are shared in proportion to each task's actual cost, so
 * tasks with the same set of cells split alike and can be added up first.
 */
export function findOverlaps(
  cells: readonly CellDraws[],
  sourceIndex: (cell: CellDraws) => number,
  ledger: Ledger,
): OverlapGroup[] {
  const groups = new Map<string, OverlapGroup>();
  for (const [id, list] of signatures(cells)) {
    const sources = list.map((i) => sourceIndex(cells[i] as CellDraws));
    const cost = ledger.costs.get(id);
    if (new Set(sources).size < 2 || cost === undefined) continue;
    const key = list.join(",");
    const seen = groups.get(key);
    groups.set(key, {
      cells: list,
      sources,
      tokens: (seen?.tokens ?? 0) + cost.tokens,
      micros: (seen?.micros ?? 0) + cost.micros,
    });
  }
  return [...groups.values()];
}

export type Unit = "tokens" | "micros";

/** A cell's claim in one draw as a multiple of its tasks' actual cost. */
export type ClaimOf = (cell: number, unit: Unit) => number;

/**
 * How much each source's gross saving shrinks once overlapping claims are
 * split, for one draw; indexed like the sources.
 */
export function overlapShrink(
  groups: readonly OverlapGroup[],
  sourceCount: number,
  claimOf: ClaimOf,
  unit: Unit,
): Float64Array {
  const shrink = new Float64Array(sourceCount);
  for (const g of groups) {
    const claims = new Float64Array(sourceCount);
    g.cells.forEach((c, j) => {
      const s = g.sources[j] as number;
      claims[s] = (claims[s] as number) + claimOf(c, unit);
    });
    const involved = [...new Set(g.sources)];
    const net = splitClaims(involved.map((s) => claims[s] as number));
    involved.forEach((s, j) => {
      const gap = (claims[s] as number) - (net[j] ?? 0);
      shrink[s] = (shrink[s] as number) + gap * g[unit];
    });
  }
  return shrink;
}
