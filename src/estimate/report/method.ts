import type { CellPlan } from "../model/cell-plan.js";
import { SUM_KEYS, type SumKey } from "../model/sums.js";

const MODEL_TEXT: Record<SumKey, string> = {
  cycle: "P(error) × error-cycle cost − overhead",
  discovery: "pattern discovery cost",
  baseline: "modelled baseline − actual",
  measured: "recorded baseline − actual",
  heredoc: "heredoc overhead factor × actual",
  verboseLogging: "logging overhead factor × actual",
  ratio: "whole-task reduction prior",
};

const PIECE_TEXT = {
  holdout: "randomized holdouts (ratio of mean task cost, log scale, t tails)",
  pooled: "holdouts of sibling types (partial pooling)",
  transcript: "transcript measurements",
  before_after: "before/after comparison",
} as const;

function evidenceParts(plan: CellPlan): string[] {
  const kinds = new Set(plan.tokenPieces.map((p) => p.kind));
  return Object.entries(PIECE_TEXT).flatMap(([kind, text]) =>
    kinds.has(kind as keyof typeof PIECE_TEXT) ? [text] : [],
  );
}

function modelParts(plan: CellPlan): string {
  const parts = SUM_KEYS.filter((k) => plan.data.sums.has(k));
  const text = parts.map((k) => MODEL_TEXT[k]).join(" + ");
  if (plan.params.cost && plan.params.cost.pieces.length > 1) {
    return `${text} (costs updated by measurements)`;
  }
  return text;
}

/** How one source/type was estimated, in words. */
export function cellMethod(plan: CellPlan): string {
  const evidence = evidenceParts(plan).join(" and ");
  if (!plan.useModel) return `${evidence} alone`;
  const model = modelParts(plan) || "no interventions";
  if (evidence) return `${model}, weighted by precision with ${evidence}`;
  return plan.priorOnly ? `${model} (specification prior only)` : model;
}

/** How a source's or the overall total was formed from its types. */
export function totalMethod(draws: number): string {
  return (
    `Monte Carlo over all parameters jointly (${draws} seeded draws); ` +
    "overlapping claims on a task split by Shapley value " +
    "over a multiplicative model; P10–P90 interval"
  );
}
