import { DEFAULT_ESTIMATE_CONFIG } from "../config/defaults.js";
import type { EstimateConfig } from "../config/schema.js";

export interface BaselineInputs {
  /** 0–1, from taskComplexity or the record's task_complexity_score. */
  readonly complexity: number;
  readonly patternsProvided: number;
  readonly schemasProvided: number;
  readonly debugIntelligence: boolean;
}

/**
 * Tokens a task would cost without manifest intelligence: complexity × 50K
 * + patterns × 25K + schemas × 5K + 15K with debug intelligence.
 */
export function baselineTaskCost(
  inputs: BaselineInputs,
  config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): number {
  const model = config.baselineTask;
  const debug = inputs.debugIntelligence ? model.debugIntelligence : 0;
  return (
    Math.trunc(inputs.complexity * model.perComplexity) +
    inputs.patternsProvided * model.perPattern +
    inputs.schemasProvided * model.perSchema +
    debug
  );
}
