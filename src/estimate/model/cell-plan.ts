import type { EstimateConfig } from "../config/schema.js";
import { combinePieces } from "../evidence/combine.js";
import type { Piece } from "../evidence/piece.js";
import { estimateTau, type Member, pooledPiece } from "../evidence/pooling.js";
import type { CellData } from "./cell-data.js";
import { buildParams, costPrior, type ModelParams } from "./params.js";

/** A cell ready to be drawn: its model and its evidence on the log ratio. */
export interface CellPlan {
  readonly data: CellData;
  readonly params: ModelParams;
  /** Evidence on log(cost without / cost with), per unit. */
  readonly tokenPieces: readonly Piece[];
  readonly microPieces: readonly Piece[];
  /** False when data on the ratio exists and the model is prior only. */
  readonly useModel: boolean;
  readonly priorOnly: boolean;
}

type Pick = (d: CellData) => Piece | null;

function members(cells: readonly CellData[], pick: Pick): Member[] {
  return cells.flatMap((d) => {
    const piece = pick(d);
    return piece === null ? [] : [{ key: d.cell.key, piece }];
  });
}

function ownCost(d: CellData): Piece | null {
  if (d.costPieces.length === 0) return null;
  const c = combinePieces(d.costPieces);
  const n = d.costPieces.reduce((a, p) => a + p.n, 0);
  return {
    kind: "transcript",
    mean: c.center,
    variance: c.variance,
    df: Infinity,
    bias: 0,
    n,
    shared: 0,
  };
}

/**
 * The cost prior splits into a source level (share ρ of its variance) and
 * a type's scatter around it (τ² = the rest); sibling types' measured
 * costs update the level, and the result replaces the type's prior.
 */
function costPooler(cells: readonly CellData[], config: EstimateConfig) {
  const list = members(cells, ownCost);
  const source = cells[0]?.cell.source ?? "hook_correction";
  const prior = costPrior(config, source);
  const total = prior.variance + prior.bias ** 2;
  const rho = config.sourceCorrelation;
  const level = { mean: prior.mean, variance: rho * total };
  const tau = Math.sqrt((1 - rho) * total);
  return (key: string): Piece =>
    (rho > 0 ? pooledPiece(list, key, tau, level) : null) ?? prior;
}

/** Holdout ratios of sibling types, with a flat prior on the level. */
function ratioPooler(
  cells: readonly CellData[],
  pick: Pick,
  config: EstimateConfig,
) {
  const list = members(cells, pick);
  const { tau, minCellsForTau } = config.pooling;
  const spread = estimateTau(list, tau, minCellsForTau);
  return (key: string) => pooledPiece(list, key, spread, null);
}

const present = (pieces: readonly (Piece | null)[]) =>
  pieces.filter((p): p is Piece => p !== null);

function hasOwnBaseline(d: CellData): boolean {
  for (const s of d.sums.values()) if (s.ownBaseline > 0) return true;
  return false;
}

/**
 * Plans every cell of one source together, so that types with little data
 * borrow from their siblings (partial pooling).
 */
export function planSource(
  cells: readonly CellData[],
  config: EstimateConfig,
): CellPlan[] {
  const costPool = costPooler(cells, config);
  const tokenPool = ratioPooler(cells, (d) => d.holdoutTokens, config);
  const microPool = ratioPooler(cells, (d) => d.holdoutMicros, config);
  return cells.map((d) => {
    const key = d.cell.key;
    const costPieces = [costPool(key), ...d.costPieces];
    const tokenPieces = present([
      d.holdoutTokens,
      tokenPool(key),
      ...d.ratioPieces,
    ]);
    const microPieces = present([
      d.holdoutMicros,
      microPool(key),
      ...d.ratioPieces,
    ]);
    const borrowed = costPieces[0]?.kind === "pooled";
    const modelHasData =
      d.costPieces.length > 0 || borrowed || hasOwnBaseline(d);
    return {
      data: d,
      params: buildParams(config, d.cell.source, d.sums, costPieces),
      tokenPieces,
      microPieces,
      useModel: modelHasData || tokenPieces.length === 0,
      priorOnly: !modelHasData && tokenPieces.length === 0,
    };
  });
}
