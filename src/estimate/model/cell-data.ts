import type { EstimateConfig } from "../config/schema.js";
import { holdoutRatio } from "../evidence/holdout-ratio.js";
import type { Piece } from "../evidence/piece.js";
import {
  measuredCv,
  observationPieces,
  observeCell,
} from "./cell-observations.js";
import type { Cell } from "./cells.js";
import { classify } from "./classify.js";
import type { Ledger, TaskCost } from "./ledger.js";
import { type SumKey, sumTerms, type TermSums } from "./sums.js";

/** What one cell's own records say, before types borrow from each other. */
export interface CellData {
  readonly cell: Cell;
  readonly sums: ReadonlyMap<SumKey, TermSums>;
  readonly actual: TaskCost;
  readonly treatedWithUsage: number;
  readonly heldWithUsage: number;
  readonly holdoutTokens: Piece | null;
  readonly holdoutMicros: Piece | null;
  /** Measured cycle or discovery costs, on the cost multiplier's scale. */
  readonly costPieces: readonly Piece[];
  /** Measured savings per task, on the log-ratio scale. */
  readonly ratioPieces: readonly Piece[];
  readonly observational: number;
}

function costsOf(ids: readonly string[], ledger: Ledger): TaskCost[] {
  return ids.flatMap((id) => {
    const cost = ledger.costs.get(id);
    return cost === undefined ? [] : [cost];
  });
}

function total(costs: readonly TaskCost[]): TaskCost {
  let tokens = 0;
  let micros = 0;
  for (const c of costs) {
    tokens += c.tokens;
    micros += c.micros;
  }
  return { tokens, micros };
}

function armsRatio(
  treated: readonly TaskCost[],
  held: readonly TaskCost[],
  unit: keyof TaskCost,
  config: EstimateConfig,
): Piece | null {
  return holdoutRatio(
    treated.map((c) => c[unit]),
    held.map((c) => c[unit]),
    config.holdout.minPerArm,
  );
}

/** Reads one cell's terms, task costs, holdout arms and observations. */
export function readCell(
  cell: Cell,
  ledger: Ledger,
  config: EstimateConfig,
): CellData {
  const taskTokens = (id: string) => ledger.costs.get(id)?.tokens ?? 0;
  const observed = observeCell(cell, config);
  const eventCv = measuredCv(cell, observed) ?? config.eventCv;
  const ctx = { config, taskTokens, eventCv };
  const sums = sumTerms(cell.events.map((e) => classify(e, ctx)));
  const treated = costsOf(cell.treated, ledger);
  const held = costsOf(cell.held, ledger);
  const actual = total(treated);
  const meanActual = treated.length > 0 ? actual.tokens / treated.length : 0;
  return {
    cell,
    sums,
    actual,
    treatedWithUsage: treated.length,
    heldWithUsage: held.length,
    holdoutTokens: armsRatio(treated, held, "tokens", config),
    holdoutMicros: armsRatio(treated, held, "micros", config),
    ...observationPieces(cell, observed, sums, meanActual, config),
    observational: observed.reduce((a, o) => a + o.n, 0),
  };
}
