import type { EstimateConfig } from "../config/schema.js";
import {
  cyclePiece,
  type ObservedMean,
  savingPiece,
  summarizeObservations,
} from "../evidence/observations.js";
import type { Piece } from "../evidence/piece.js";
import {
  errorCycleCost,
  failureCycleCost,
  patternDiscoveryCost,
} from "../spec/cycle-costs.js";
import type { Cell } from "./cells.js";
import type { SumKey, TermSums } from "./sums.js";

/** The typical cycle or discovery cost measurements are compared with. */
function costReference(
  cell: Cell,
  sums: ReadonlyMap<SumKey, TermSums>,
  config: EstimateConfig,
) {
  const s = sums.get("cycle") ?? sums.get("discovery");
  if (s !== undefined && s.base > 0) return s.base / s.count;
  if (cell.source === "failure_avoidance")
    return failureCycleCost(cell.type, config);
  if (cell.source === "pattern_usage")
    return patternDiscoveryCost(cell.type, config);
  return errorCycleCost(cell.type, config);
}

const COST_SOURCES = new Set([
  "hook_correction",
  "failure_avoidance",
  "pattern_usage",
]);

/**
 * Sorts a cell's observations: transcripts of cycles and discoveries are
 * evidence on the cost multiplier, everything else on the saving ratio.
 */
export function observationPieces(
  cell: Cell,
  observed: readonly ObservedMean[],
  sums: ReadonlyMap<SumKey, TermSums>,
  meanActual: number,
  config: EstimateConfig,
) {
  const reference = costReference(cell, sums, config);
  const costPieces: Piece[] = [];
  const ratioPieces: Piece[] = [];
  for (const o of observed) {
    const bias = config.bias[o.kind];
    const onCost = o.kind === "transcript" && COST_SOURCES.has(cell.source);
    const piece = onCost
      ? cyclePiece(o, reference, bias)
      : savingPiece(o, meanActual, bias);
    if (piece !== null) (onCost ? costPieces : ratioPieces).push(piece);
  }
  return { costPieces, ratioPieces };
}

/** One cycle's spread as transcripts measured it, when they can tell. */
export function measuredCv(cell: Cell, observed: readonly ObservedMean[]) {
  if (!COST_SOURCES.has(cell.source)) return null;
  const t = observed.find((o) => o.kind === "transcript");
  return t && Number.isFinite(t.df) ? Math.sqrt(t.cv2) : null;
}

/** A cell's observations reduced to a mean per kind. */
export function observeCell(cell: Cell, config: EstimateConfig) {
  return summarizeObservations(cell.observations, {
    cv: config.eventCv,
    weight: config.eventCvPriorWeight,
  });
}
