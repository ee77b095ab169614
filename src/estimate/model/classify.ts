import type { InterventionSource } from "../../domain/sources.js";
import type { EstimateConfig } from "../config/schema.js";
import { baselineTaskCost } from "../spec/baseline.js";
import { complexityConfidence, taskComplexity } from "../spec/complexity.js";
import {
  errorCycleCost,
  failureCycleCost,
  patternDiscoveryCost,
} from "../spec/cycle-costs.js";
import type { EstimateIntervention } from "../types.js";
import { count, flag, positive, text } from "./detail.js";
import type { FactorName, Term } from "./terms.js";

export interface ClassifyContext {
  readonly config: EstimateConfig;
  /** Measured tokens of a task, 0 when it has no usage. */
  readonly taskTokens: (correlationId: string) => number;
  /** Spread of one cycle or discovery, measured or configured. */
  readonly eventCv: number;
}

type Classifier = (e: EstimateIntervention, ctx: ClassifyContext) => Term;

function term(e: EstimateIntervention, fields: Partial<Term>): Term {
  return {
    kind: "ratio",
    correlationId: e.correlation_id,
    base: 0,
    actual: 0,
    overhead: 0,
    cv: 0,
    ownBaseline: false,
    factor: null,
    ...fields,
  };
}

/** Recorded actual tokens, or the task's usage when recorded as 0. */
function actualOf(e: EstimateIntervention, ctx: ClassifyContext): number {
  const recorded =
    positive(e.detail, "actual_tokens_used") ??
    positive(e.detail, "actual_tokens");
  return recorded ?? ctx.taskTokens(e.correlation_id);
}

const hook: Classifier = (e, { config, eventCv }) =>
  term(e, {
    kind: "cycle",
    base: errorCycleCost(text(e.detail, "intervention_type") ?? e.type, config),
    overhead:
      count(e.detail, "overhead_tokens") ??
      config.overheadTokens.hook_correction,
    cv: eventCv,
  });

const failure: Classifier = (e, { config, eventCv }) => {
  const own = positive(e.detail, "estimated_failure_cost_tokens");
  const pattern = text(e.detail, "failure_pattern") ?? e.type;
  return term(e, {
    kind: "cycle",
    base: own ?? failureCycleCost(pattern, config),
    overhead:
      count(e.detail, "overhead_tokens") ??
      config.overheadTokens.failure_avoidance,
    cv: eventCv,
    ownBaseline: own !== null,
  });
};

const pattern: Classifier = (e, { config, eventCv }) => {
  const own = positive(e.detail, "estimated_discovery_tokens");
  const name = text(e.detail, "pattern_name") ?? e.type;
  const applied = flag(e.detail, "pattern_applied") !== false;
  const cost = own ?? patternDiscoveryCost(name, config);
  return term(e, {
    kind: "discovery",
    base: applied ? cost : 0,
    cv: eventCv,
    ownBaseline: own !== null,
  });
};

function manifestComplexity(
  e: EstimateIntervention,
  config: EstimateConfig,
): number | null {
  const score = count(e.detail, "task_complexity_score");
  if (score !== null) return Math.min(score, 1);
  const description = text(e.detail, "task_description");
  return description === null ? null : taskComplexity(description, config);
}

const manifest: Classifier = (e, ctx) => {
  const { config } = ctx;
  const recorded = positive(e.detail, "estimated_baseline_tokens");
  const complexity = manifestComplexity(e, config) ?? 0;
  const modelled = baselineTaskCost(
    {
      complexity,
      patternsProvided: count(e.detail, "patterns_provided") ?? 0,
      schemasProvided: count(e.detail, "schemas_provided") ?? 0,
      debugIntelligence: flag(e.detail, "debug_intelligence_provided") === true,
    },
    config,
  );
  const base = recorded ?? modelled;
  if (base <= 0) return term(e, { actual: ctx.taskTokens(e.correlation_id) });
  const cv = config.eventCv / complexityConfidence(complexity, config);
  return term(e, {
    kind: "baseline",
    base,
    actual: actualOf(e, ctx),
    cv,
    ownBaseline: true,
  });
};

const specialist: Classifier = (e, ctx) => {
  const generic = positive(e.detail, "estimated_generic_tokens");
  if (generic === null) {
    return term(e, { actual: ctx.taskTokens(e.correlation_id) });
  }
  return term(e, {
    kind: "baseline",
    base: generic,
    actual: actualOf(e, ctx),
    cv: ctx.config.eventCv,
    ownBaseline: true,
  });
};

const context: Classifier = (e, ctx) => {
  const baseline = positive(e.detail, "baseline_tokens");
  const saved = positive(e.detail, "tokens_saved");
  if (baseline !== null || saved !== null) {
    const actual = baseline === null ? 0 : actualOf(e, ctx);
    const base = baseline ?? (saved as number);
    return term(e, { kind: "measured", base, actual, ownBaseline: true });
  }
  const actual = positive(e.detail, "actual_tokens");
  const factor = factorName(e, ctx.config);
  if (actual !== null && factor !== null) {
    return term(e, { kind: "factor", actual, factor });
  }
  return term(e, { actual: ctx.taskTokens(e.correlation_id) });
};

/** Which overhead factor of Model 5 applies to a context optimization. */
export function factorName(
  e: EstimateIntervention,
  config: EstimateConfig,
): FactorName | null {
  const types = config.contextOptimization.factorTypes;
  const name = text(e.detail, "optimization_type") ?? e.type;
  return Object.hasOwn(types, name) ? (types[name] ?? null) : null;
}

const CLASSIFIERS: Record<InterventionSource, Classifier> = {
  hook_correction: hook,
  failure_avoidance: failure,
  pattern_usage: pattern,
  manifest_intelligence: manifest,
  agent_specialization: specialist,
  context_optimization: context,
};

/** The term that models one intervention's saving. */
export function classify(e: EstimateIntervention, ctx: ClassifyContext): Term {
  return CLASSIFIERS[e.source](e, ctx);
}
