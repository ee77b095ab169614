import type { Source } from "../../domain/sources.js";
import type { SourceTotals, UnitDraws } from "../attribution/totals.js";
import type { EstimateConfig } from "../config/schema.js";
import type { CacheSaving } from "../prompt-cache.js";
import type { Evidence, SourceEstimate } from "../types.js";
import { mergeEvidence } from "./evidence.js";
import { figures, type RoundedPoints } from "./figures.js";
import { typeEstimate } from "./type-estimate.js";

/** One source's totals, with the per-type detail kept for display. */
export interface SourcePart {
  readonly source: Source;
  readonly gross: UnitDraws;
  readonly net: UnitDraws;
  /** The source's estimate, given its points rounded to add up. */
  readonly build: (net: RoundedPoints, gross: RoundedPoints) => SourceEstimate;
}

/** An intervention source's part, from its cells' draws. */
export function interventionPart(
  t: SourceTotals,
  config: EstimateConfig,
): SourcePart {
  const types = t.cells.map((c) => typeEstimate(c, config));
  const methods = [...new Set(types.map((x) => x.method))].join("; ");
  const evidence = mergeEvidence(
    types.map((x) => x.evidence),
    config.modelVersion,
  );
  return {
    source: t.source,
    gross: t.gross,
    net: t.net,
    build: (net, gross) => ({
      source: t.source,
      ...figures(t.net, config.summary, net),
      method: methods,
      evidence,
      gross: figures(t.gross, config.summary, gross),
      types,
    }),
  };
}

/** The same value in every draw. */
export function constantDraws(
  tokens: number,
  micros: number,
  draws: number,
): UnitDraws {
  return {
    tokens: new Float64Array(draws).fill(tokens),
    micros: new Float64Array(draws).fill(micros),
    pointTokens: tokens,
    pointMicros: micros,
  };
}

/** Prompt caching's part: measured, so the same in every draw. */
export function cachePart(
  cache: CacheSaving,
  config: EstimateConfig,
  draws: number,
): SourcePart {
  const u = constantDraws(cache.tokens, cache.micros, draws);
  const method =
    "measured: cache reads at the input price less the cache price, " +
    "minus cache-write premiums";
  const evidence: Evidence = {
    ...mergeEvidence([], config.modelVersion),
    prior_only: false,
    measured_events: cache.rows - cache.unpriced,
  };
  return {
    source: "prompt_cache",
    gross: u,
    net: u,
    build: (net, gross) => ({
      source: "prompt_cache",
      ...figures(u, config.summary, net),
      method,
      evidence,
      gross: figures(u, config.summary, gross),
      types: [],
    }),
  };
}
