import { drawPiece, effectiveVariance, type Piece } from "../evidence/piece.js";
import { CENTRAL_NOISE, type Noise, randomNoise } from "../random/noise.js";
import { createRng, deriveSeed } from "../random/rng.js";
import { variance } from "../stats/sample.js";
import type { CellPlan } from "./cell-plan.js";
import { modelSaving } from "./model-draw.js";
import { NO_SHOCK, type SourceShocks } from "./shocks.js";

/** A cell's saving in every draw, plus its point estimate. */
export interface CellDraws {
  readonly plan: CellPlan;
  readonly tokens: Float64Array;
  readonly micros: Float64Array;
  readonly pointTokens: number;
  readonly pointMicros: number;
}

export interface DrawSettings {
  readonly seed: number;
  readonly draws: number;
  readonly microsPerToken: number;
  readonly shocks: SourceShocks;
}

/** A model may not push the cost without the tooling below 0.1% of actual. */
const FLOOR = 1e-3;

function modelSavings(plan: CellPlan, s: DrawSettings) {
  if (!plan.useModel) return { draws: new Float64Array(s.draws), point: 0 };
  const noise = randomNoise(
    createRng(deriveSeed(s.seed, `${plan.data.cell.key}#model`)),
  );
  const saving = modelSaving(plan.data.sums, plan.params);
  const draws = new Float64Array(s.draws);
  for (let d = 0; d < s.draws; d += 1) {
    draws[d] = saving({ noise, common: (name) => s.shocks.at(name, d) });
  }
  return { draws, point: saving({ noise: CENTRAL_NOISE, common: NO_SHOCK }) };
}

interface Mixture {
  readonly modelWeight: number;
  readonly pieces: readonly Piece[];
  readonly weights: readonly number[];
}

function mixture(
  pieces: readonly Piece[],
  modelVariance: number | null,
): Mixture {
  const precisions = pieces.map((p) => 1 / effectiveVariance(p));
  const alone = modelVariance === null && pieces.length === 0;
  const model = alone ? 1 : 1 / Math.max(modelVariance ?? Infinity, 1e-12);
  const total = precisions.reduce((a, b) => a + b, model);
  return {
    modelWeight: model / total,
    pieces,
    weights: precisions.map((p) => p / total),
  };
}

function mixDraw(
  m: Mixture,
  modelTheta: number,
  noise: Noise,
  common: number,
): number {
  let theta = m.modelWeight * modelTheta;
  for (let i = 0; i < m.pieces.length; i += 1) {
    const piece = m.pieces[i] as Piece;
    theta += (m.weights[i] ?? 0) * drawPiece(piece, noise, common);
  }
  return theta;
}

function toRatio(saving: number, actual: number): number {
  return Math.log(Math.max(1 + saving / actual, FLOOR));
}

function unitDraws(
  plan: CellPlan,
  unit: "tokens" | "micros",
  model: { draws: Float64Array; point: number },
  s: DrawSettings,
) {
  const actual = plan.data.actual[unit];
  const pieces = unit === "tokens" ? plan.tokenPieces : plan.microPieces;
  const actualTokens = plan.data.actual.tokens;
  const thetas = plan.useModel
    ? Array.from(model.draws, (v) => toRatio(v, actualTokens))
    : [];
  const m = mixture(pieces, plan.useModel ? variance(thetas) : null);
  const noise = randomNoise(
    createRng(deriveSeed(s.seed, `${plan.data.cell.key}#${unit}`)),
  );
  const draws = new Float64Array(s.draws);
  for (let d = 0; d < s.draws; d += 1) {
    const common = s.shocks.at(`pooled-${unit}`, d);
    const theta = mixDraw(m, thetas[d] ?? 0, noise, common);
    draws[d] = actual * Math.expm1(theta);
  }
  const point = toRatio(model.point, actualTokens);
  const centre = mixDraw(m, point, CENTRAL_NOISE, 0);
  return { draws, point: actual * Math.expm1(centre) };
}

/**
 * Draws a cell's saving: its model, turned into a log ratio over the treated
 * tasks' actual cost, mixed per draw with the ratio evidence by precision.
 * Without task usage only the model in tokens is left, priced at the ledger
 * rate.
 */
export function drawCell(plan: CellPlan, s: DrawSettings): CellDraws {
  const model = modelSavings(plan, s);
  if (!(plan.data.actual.tokens > 0)) {
    const rate = s.microsPerToken;
    return {
      plan,
      tokens: model.draws,
      micros: model.draws.map((v) => v * rate),
      pointTokens: model.point,
      pointMicros: model.point * rate,
    };
  }
  const tokens = unitDraws(plan, "tokens", model, s);
  const micros = unitDraws(plan, "micros", model, s);
  return {
    plan,
    tokens: tokens.draws,
    micros: micros.draws,
    pointTokens: tokens.point,
    pointMicros: micros.point,
  };
}
