import type { InterventionSource } from "../../domain/sources.js";
import type { CellDraws } from "../model/cell-draws.js";
import type { Ledger } from "../model/ledger.js";
import { findOverlaps, overlapShrink, type Unit } from "./overlaps.js";

/** A saving in every draw and at the point estimate, in both units. */
export interface UnitDraws {
  readonly tokens: Float64Array;
  readonly micros: Float64Array;
  readonly pointTokens: number;
  readonly pointMicros: number;
}

export interface SourceTotals {
  readonly source: InterventionSource;
  readonly cells: readonly CellDraws[];
  /** As each source claims it. */
  readonly gross: UnitDraws;
  /** After overlapping claims on one task are split. */
  readonly net: UnitDraws;
}

function addUp(cells: readonly CellDraws[], draws: number): UnitDraws {
  if (cells.length === 1 && cells[0] !== undefined) return cells[0];
  const tokens = new Float64Array(draws);
  const micros = new Float64Array(draws);
  let pointTokens = 0;
  let pointMicros = 0;
  for (const c of cells) {
    for (let d = 0; d < draws; d += 1) {
      tokens[d] = (tokens[d] as number) + (c.tokens[d] as number);
      micros[d] = (micros[d] as number) + (c.micros[d] as number);
    }
    pointTokens += c.pointTokens;
    pointMicros += c.pointMicros;
  }
  return { tokens, micros, pointTokens, pointMicros };
}

function claimReader(cells: readonly CellDraws[], draw: number | null) {
  return (i: number, unit: Unit) => {
    const cell = cells[i] as CellDraws;
    const actual = cell.plan.data.actual[unit];
    const pointKey = unit === "tokens" ? "pointTokens" : "pointMicros";
    const saving =
      draw === null ? cell[pointKey] : (cell[unit][draw] as number);
    return actual > 0 ? saving / actual : 0;
  };
}

function groupBySource(cells: readonly CellDraws[]) {
  const order = [...new Set(cells.map((c) => c.plan.data.cell.source))];
  const index = (c: CellDraws) => order.indexOf(c.plan.data.cell.source);
  return { order, index };
}

function shrinkNet(
  totals: readonly SourceTotals[],
  shrinkAt: (draw: number | null, unit: Unit) => Float64Array,
  draws: number,
): SourceTotals[] {
  const net = totals.map((t) => ({
    tokens: t.gross.tokens.slice(),
    micros: t.gross.micros.slice(),
  }));
  for (let d = 0; d < draws; d += 1) {
    const tokens = shrinkAt(d, "tokens");
    const micros = shrinkAt(d, "micros");
    net.forEach((n, s) => {
      n.tokens[d] = (n.tokens[d] as number) - (tokens[s] as number);
      n.micros[d] = (n.micros[d] as number) - (micros[s] as number);
    });
  }
  const pointTokens = shrinkAt(null, "tokens");
  const pointMicros = shrinkAt(null, "micros");
  return totals.map((t, s) => ({
    ...t,
    net: {
      tokens: net[s]?.tokens ?? t.gross.tokens,
      micros: net[s]?.micros ?? t.gross.micros,
      pointTokens: t.gross.pointTokens - (pointTokens[s] as number),
      pointMicros: t.gross.pointMicros - (pointMicros[s] as number),
    },
  }));
}

/**
 * Adds cells up by source, per draw, and subtracts from each source its
 * part of the overlap on tasks other sources also claim.
 */
export function sourceTotals(
  cells: readonly CellDraws[],
  ledger: Ledger,
  draws: number,
): SourceTotals[] {
  const { order, index } = groupBySource(cells);
  const totals = order.map((source) => {
    const own = cells.filter((c) => c.plan.data.cell.source === source);
    const gross = addUp(own, draws);
    return { source, cells: own, gross, net: gross };
  });
  const groups = findOverlaps(cells, index, ledger);
  if (groups.length === 0) return totals;
  const shrinkAt = (draw: number | null, unit: Unit) =>
    overlapShrink(groups, order.length, claimReader(cells, draw), unit);
  return shrinkNet(totals, shrinkAt, draws);
}
