import { drawCombination } from "../evidence/combine.js";
import { drawPiece } from "../evidence/piece.js";
import type { Noise } from "../random/noise.js";
import type { ModelParams } from "./params.js";
import type { Common } from "./shocks.js";
import { SUM_KEYS, type SumKey, type TermSums } from "./sums.js";

/** Randomness for one draw of one cell. */
export interface DrawContext {
  readonly noise: Noise;
  /** The source's shared shocks for this draw. */
  readonly common: Common;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

type Name = keyof ModelParams;

function draw(p: ModelParams, name: Exclude<Name, "cost">, ctx: DrawContext) {
  const piece = p[name];
  return piece === null ? 0 : drawPiece(piece, ctx.noise, ctx.common(name));
}

function costScale(p: ModelParams, ctx: DrawContext): number {
  if (p.cost === null) return 1;
  const common = ctx.common("cost");
  return Math.exp(drawCombination(p.cost, ctx.noise, common));
}

/** A positive sum with this mean and variance, drawn as a gamma. */
function positiveSum(mean: number, variance: number, noise: Noise): number {
  if (!(mean > 0 && variance > 0)) return mean;
  const shape = (mean * mean) / variance;
  return noise.gamma(shape) * (variance / mean);
}

function cycle(s: TermSums, p: ModelParams, ctx: DrawContext): number {
  const chance = sigmoid(draw(p, "wouldErr", ctx));
  const scale = costScale(p, ctx);
  const mean = chance * scale * s.base;
  const variance =
    scale ** 2 * (chance * (s.square + s.spread) - chance ** 2 * s.square);
  return positiveSum(mean, variance, ctx.noise) - s.overhead;
}

function discovery(s: TermSums, p: ModelParams, ctx: DrawContext): number {
  const scale = costScale(p, ctx);
  return positiveSum(scale * s.base, scale ** 2 * s.spread, ctx.noise);
}

function baseline(s: TermSums, p: ModelParams, ctx: DrawContext): number {
  const scale = Math.exp(draw(p, "baseline", ctx));
  const spread = scale * Math.sqrt(s.spread) * ctx.noise.normal();
  return scale * s.base + spread - s.actual;
}

function measured(s: TermSums, p: ModelParams, ctx: DrawContext): number {
  return Math.exp(draw(p, "measured", ctx)) * s.base - s.actual;
}

function factor(name: "heredoc" | "verboseLogging") {
  return (s: TermSums, p: ModelParams, ctx: DrawContext) =>
    (Math.exp(draw(p, name, ctx)) - 1) * s.actual;
}

function ratio(s: TermSums, p: ModelParams, ctx: DrawContext): number {
  const reduction = sigmoid(draw(p, "ratio", ctx));
  return (reduction / (1 - reduction)) * s.actual;
}

type Model = (s: TermSums, p: ModelParams, ctx: DrawContext) => number;

const MODELS: Record<SumKey, Model> = {
  cycle,
  discovery,
  baseline,
  measured,
  heredoc: factor("heredoc"),
  verboseLogging: factor("verboseLogging"),
  ratio,
};

/**
 * A cell's modelled saving in tokens, all its terms together, as a
 * function of one draw's randomness.
 */
export function modelSaving(
  sums: ReadonlyMap<SumKey, TermSums>,
  params: ModelParams,
): (ctx: DrawContext) => number {
  const parts = SUM_KEYS.flatMap((key) => {
    const s = sums.get(key);
    return s === undefined ? [] : [{ model: MODELS[key], s }];
  });
  return (ctx) => {
    let total = 0;
    for (const { model, s } of parts) total += model(s, params, ctx);
    return total;
  };
}
