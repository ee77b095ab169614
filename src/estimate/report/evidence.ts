import type { CellPlan } from "../model/cell-plan.js";
import type { Evidence } from "../types.js";

/** What one source/type's estimate rests on. */
export function cellEvidence(plan: CellPlan, modelVersion: string): Evidence {
  const { data } = plan;
  const measured = data.sums.get("measured")?.count ?? 0;
  const holdout = data.holdoutTokens;
  const held = holdout === null ? 0 : data.heldWithUsage;
  return {
    model_version: modelVersion,
    interventions: data.cell.events.length,
    treated_tasks: data.cell.treated.length,
    holdout: { treated: holdout === null ? 0 : data.treatedWithUsage, held },
    observational: data.observational,
    measured_events: measured,
    prior_only: plan.priorOnly,
    tasks_missing_usage: data.cell.treated.length - data.treatedWithUsage,
  };
}

/** Evidence of several estimates together. */
export function mergeEvidence(
  list: readonly Evidence[],
  modelVersion: string,
): Evidence {
  const sum = (pick: (e: Evidence) => number) =>
    list.reduce((a, e) => a + pick(e), 0);
  return {
    model_version: modelVersion,
    interventions: sum((e) => e.interventions),
    treated_tasks: sum((e) => e.treated_tasks),
    holdout: {
      treated: sum((e) => e.holdout.treated),
      held: sum((e) => e.holdout.held),
    },
    observational: sum((e) => e.observational),
    measured_events: sum((e) => e.measured_events),
    prior_only: list.every((e) => e.prior_only),
    tasks_missing_usage: sum((e) => e.tasks_missing_usage),
  };
}
