import { ValidationError } from "../domain/errors.js";
import type { Claim } from "../domain/normalized.js";
import type { InterventionParsed } from "../domain/records.js";
import type { InterventionSource } from "../domain/sources.js";
import {
  baselineTaskCost,
  complexityConfidence,
  errorCycleCost,
  failureCycleCost,
  failureTier,
  patternDiscoveryCost,
  patternTier,
  taskComplexity,
} from "../estimate/index.js";
import { eitherOf, toMicros } from "./aliases.js";

/** The fixed confidence the specification's tracker gives each source. */
const SPEC_CONFIDENCE = Object.freeze({
  hook_correction: 0.8,
  pattern_usage: 0.7,
  failure_avoidance: 0.75,
});

type Detail = Record<string, string | number | boolean | null>;
type Parts = Omit<InterventionParts, "derived">;

/** What an intervention adds to the ledger beyond its common fields. */
export interface InterventionParts {
  readonly type: string;
  readonly estimated_tokens_saved: number | null;
  readonly confidence: number | null;
  readonly claim: Claim;
  readonly detail: Readonly<Detail>;
  /** Detail columns the record did not carry and ingest filled in. */
  readonly derived: readonly string[];
}

/** Other names a detail column may arrive under. */
const SENT_AS: Readonly<Record<string, readonly string[]>> = {
  intervention_type: ["type"],
  optimization_type: ["type"],
  actual_tokens_used: ["actual_tokens"],
};

function derivedColumns(r: InterventionParsed, detail: Detail): string[] {
  const sent = r as Readonly<Record<string, unknown>>;
  const derived: string[] = [];
  for (const c in detail) {
    if (detail[c] === null || sent[c] !== undefined) continue;
    const aliases = SENT_AS[c];
    if (aliases?.some((alias) => sent[alias] !== undefined)) continue;
    derived.push(c);
  }
  return derived;
}

type Of<S extends InterventionSource> = Extract<
  InterventionParsed,
  { source: S }
>;

function requiredType(r: InterventionParsed, column: string): string {
  const type = eitherOf<string>(r, "type", column);
  if (type === undefined) {
    throw new ValidationError(
      "type",
      `expected the ${column.replace("_", " ")} (as \`type\` or \`${column}\`), got nothing`,
    );
  }
  return type;
}

/** The source's own figure wins; otherwise the specification's model. */
function claimed(
  own: number | undefined,
  model: number | null,
  how: Claim = "spec_model",
): Pick<InterventionParts, "estimated_tokens_saved" | "claim"> {
  if (own !== undefined)
    return { estimated_tokens_saved: own, claim: "source" };
  if (model === null) return { estimated_tokens_saved: null, claim: "pending" };
  return { estimated_tokens_saved: model, claim: how };
}

function hook(r: Of<"hook_correction">): Parts {
  const type = requiredType(r, "intervention_type");
  const saved = claimed(r.estimated_tokens_saved, errorCycleCost(type));
  const confidence = r.confidence ?? SPEC_CONFIDENCE.hook_correction;
  const detail = {
    intervention_type: type,
    intervention_description: r.intervention_description ?? null,
    estimated_tokens_saved: saved.estimated_tokens_saved,
    confidence,
  };
  return { type, ...saved, confidence, detail };
}

function manifest(r: Of<"manifest_intelligence">): Parts {
  const actual = eitherOf<number>(r, "actual_tokens", "actual_tokens_used");
  const complexity =
    r.task_complexity_score ?? taskComplexity(r.task_description ?? "");
  const baseline =
    r.estimated_baseline_tokens ??
    baselineTaskCost({
      complexity,
      patternsProvided: r.patterns_provided ?? 0,
      schemasProvided: r.schemas_provided ?? 0,
      debugIntelligence: r.debug_intelligence_provided ?? false,
    });
  const model = actual ? Math.max(0, baseline - actual) : null;
  const saved = claimed(r.estimated_tokens_saved, model);
  const confidence = r.confidence ?? complexityConfidence(complexity);
  const detail = {
    manifest_injection_id: r.manifest_injection_id ?? null,
    task_description: r.task_description ?? null,
    task_complexity_score: complexity,
    actual_tokens_used: actual ?? null,
    actual_iterations: r.actual_iterations ?? null,
    estimated_baseline_tokens: baseline,
    estimated_baseline_iterations: r.estimated_baseline_iterations ?? null,
    estimated_tokens_saved: saved.estimated_tokens_saved,
    estimated_cost_saved_usd_micros: toMicros(r.estimated_cost_saved_usd),
    patterns_provided: r.patterns_provided ?? null,
    schemas_provided: r.schemas_provided ?? null,
    debug_intelligence_provided: r.debug_intelligence_provided ?? null,
    confidence,
  };
  return { type: r.type ?? "manifest", ...saved, confidence, detail };
}

function pattern(r: Of<"pattern_usage">): Parts {
  const applied = r.pattern_applied ?? true;
  const discovery =
    r.estimated_discovery_tokens ?? patternDiscoveryCost(r.pattern_name);
  const saved = claimed(r.estimated_tokens_saved, applied ? discovery : 0);
  const confidence = r.confidence ?? SPEC_CONFIDENCE.pattern_usage;
  const detail = {
    pattern_name: r.pattern_name,
    pattern_source: r.pattern_source ?? null,
    pattern_confidence: r.pattern_confidence ?? null,
    task_description: r.task_description ?? null,
    pattern_applied: applied,
    estimated_discovery_tokens: discovery,
    estimated_tokens_saved: saved.estimated_tokens_saved,
    confidence,
  };
  const type = r.type ?? patternTier(r.pattern_name);
  return { type, ...saved, confidence, detail };
}

function failure(r: Of<"failure_avoidance">): Parts {
  const cost =
    r.estimated_failure_cost_tokens ?? failureCycleCost(r.failure_pattern);
  const saved = claimed(r.estimated_tokens_saved, cost);
  const confidence = r.confidence ?? SPEC_CONFIDENCE.failure_avoidance;
  const detail = {
    failure_pattern: r.failure_pattern,
    similar_past_failures: r.similar_past_failures ?? null,
    avoided_approach: r.avoided_approach ?? null,
    successful_approach: r.successful_approach ?? null,
    estimated_failure_cost_tokens: cost,
    estimated_tokens_saved: saved.estimated_tokens_saved,
    confidence,
  };
  const type = r.type ?? failureTier(r.failure_pattern);
  return { type, ...saved, confidence, detail };
}

function specialist(r: Of<"agent_specialization">): Parts {
  const actual = eitherOf<number>(r, "actual_tokens", "actual_tokens_used");
  const generic = r.estimated_generic_tokens;
  const model = generic !== undefined && actual ? generic - actual : null;
  const saved = claimed(r.estimated_tokens_saved, model);
  const detail = {
    agent_name: r.agent_name,
    agent_domain: r.agent_domain ?? null,
    task_description: r.task_description ?? null,
    actual_tokens_used: actual ?? null,
    estimated_generic_tokens: generic ?? null,
    estimated_tokens_saved: saved.estimated_tokens_saved,
    estimated_cost_saved_usd_micros: toMicros(r.estimated_cost_saved_usd),
    specialization_benefit: r.specialization_benefit ?? null,
    confidence: r.confidence ?? null,
  };
  const type = r.type ?? r.agent_domain ?? r.agent_name;
  return { type, ...saved, confidence: r.confidence ?? null, detail };
}

function context(r: Of<"context_optimization">): Parts {
  const type = requiredType(r, "optimization_type");
  const { baseline_tokens: baseline, actual_tokens: actual } = r;
  const measured =
    baseline !== undefined && actual !== undefined ? baseline - actual : null;
  const saved = claimed(r.tokens_saved, measured, "measured");
  const detail = {
    optimization_type: type,
    baseline_approach: r.baseline_approach ?? null,
    optimized_approach: r.optimized_approach ?? null,
    baseline_tokens: baseline ?? null,
    actual_tokens: actual ?? null,
    tokens_saved: saved.estimated_tokens_saved,
    confidence: r.confidence ?? null,
  };
  return { type, ...saved, confidence: r.confidence ?? null, detail };
}

/** Resolves aliases, fills the specification's columns and the claim. */
export function interventionParts(r: InterventionParsed): InterventionParts {
  const parts = sourceParts(r);
  return {
    type: parts.type,
    estimated_tokens_saved: parts.estimated_tokens_saved,
    confidence: parts.confidence,
    claim: parts.claim,
    detail: parts.detail,
    derived: derivedColumns(r, parts.detail),
  };
}

function sourceParts(r: InterventionParsed): Parts {
  switch (r.source) {
    case "hook_correction":
      return hook(r);
    case "manifest_intelligence":
      return manifest(r);
    case "pattern_usage":
      return pattern(r);
    case "failure_avoidance":
      return failure(r);
    case "agent_specialization":
      return specialist(r);
    case "context_optimization":
      return context(r);
  }
}
