import type { EstimateConfig } from "../config/schema.js";
import { holdoutRateBps } from "../holdout/rate.js";
import { sampleRatioCheck } from "../holdout/sample-ratio.js";
import type { CellDraws } from "../model/cell-draws.js";
import type { SampleRatio, TypeEstimate } from "../types.js";
import { cellEvidence } from "./evidence.js";
import { figures } from "./figures.js";
import { cellMethod } from "./method.js";

function sampleRatio(c: CellDraws, config: EstimateConfig): SampleRatio | null {
  const { cell } = c.plan.data;
  const rate = holdoutRateBps(config, cell.source, cell.type);
  if (cell.held.length === 0 && rate === 0) return null;
  return sampleRatioCheck(
    cell.treated.length,
    cell.held.length,
    rate,
    config.holdout.srmAlpha,
  );
}

/** The figures of one source/type, for display beside its source. */
export function typeEstimate(
  c: CellDraws,
  config: EstimateConfig,
): TypeEstimate {
  const { cell } = c.plan.data;
  return {
    source: cell.source,
    type: cell.type,
    ...figures(c, config.summary),
    method: cellMethod(c.plan),
    evidence: cellEvidence(c.plan, config.modelVersion),
    sample_ratio: sampleRatio(c, config),
  };
}
