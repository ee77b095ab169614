import { SOURCES } from "../../domain/sources.js";
import type { UnitDraws } from "../attribution/totals.js";
import type { EstimateConfig } from "../config/schema.js";
import type { SavingsEstimate } from "../types.js";
import { apportion } from "./apportion.js";
import { mergeEvidence } from "./evidence.js";
import { figures, type RoundedPoints } from "./figures.js";
import { totalMethod } from "./method.js";
import { constantDraws, type SourcePart } from "./source-part.js";

function sumDraws(parts: readonly UnitDraws[], draws: number): UnitDraws {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const total = constantDraws(0, 0, draws);
  let pointTokens = 0;
  let pointMicros = 0;
  for (const p of parts) {
    for (let d = 0; d < draws; d += 1) {
      total.tokens[d] = (total.tokens[d] as number) + (p.tokens[d] as number);
      total.micros[d] = (total.micros[d] as number) + (p.micros[d] as number);
    }
    pointTokens += p.pointTokens;
    pointMicros += p.pointMicros;
  }
  return { ...total, pointTokens, pointMicros };
}

function roundedPoints(list: readonly UnitDraws[]): RoundedPoints[] {
  const tokens = apportion(list.map((u) => u.pointTokens));
  const micros = apportion(list.map((u) => u.pointMicros));
  return tokens.map((t, i) => ({ tokens: t, micros: micros[i] ?? 0 }));
}

const addPoints = (list: readonly RoundedPoints[]): RoundedPoints => ({
  tokens: list.reduce((a, p) => a + p.tokens, 0),
  micros: list.reduce((a, p) => a + p.micros, 0),
});

/**
 * The final estimate: sources in the specification's order, each rounded
 * so that the sources add up exactly to the total, net and gross alike.
 */
export function assemble(
  parts: readonly SourcePart[],
  config: EstimateConfig,
  run: { readonly seed: number; readonly draws: number },
): SavingsEstimate {
  const sorted = [...parts].sort(
    (a, b) => SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source),
  );
  const net = roundedPoints(sorted.map((p) => p.net));
  const gross = roundedPoints(sorted.map((p) => p.gross));
  const sources = sorted.map((p, i) =>
    p.build(net[i] as RoundedPoints, gross[i] as RoundedPoints),
  );
  const totalNet = sumDraws(
    sorted.map((p) => p.net),
    run.draws,
  );
  const totalGross = sumDraws(
    sorted.map((p) => p.gross),
    run.draws,
  );
  return {
    model_version: config.modelVersion,
    method: totalMethod(run.draws),
    seed: run.seed,
    draws: run.draws,
    ...figures(totalNet, config.summary, addPoints(net)),
    evidence: mergeEvidence(
      sources.map((s) => s.evidence),
      config.modelVersion,
    ),
    gross: figures(totalGross, config.summary, addPoints(gross)),
    sources,
  };
}
