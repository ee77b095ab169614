import type { Kysely } from "kysely";
import { SOURCES } from "../domain/sources.js";
import {
  type EstimateConfig,
  estimateSavings,
  type SavingsEstimate,
  type SavingsFigures,
  type SourceEstimate,
} from "../estimate/index.js";
import type { Database } from "../store/schema.js";
import { estimateInput } from "./estimate-input.js";
import type { ReportFilter } from "./filters.js";
import type { Pricer } from "./pricer.js";
import {
  type SourceTotals,
  savingsBySource,
  type UsageTotals,
  usageTotals,
} from "./rollup-queries.js";
import { sampleRatioWarnings } from "./warnings.js";

/** One source: what the ledger holds and what the estimate makes of it. */
export interface SourceLine extends Partial<SavingsFigures> {
  readonly source: string;
  readonly interventions: number;
  readonly holdouts: number;
  /** The tooling's own figures and the specification's point models. */
  readonly claimed_tokens_saved: number;
  readonly pending: number;
  readonly percentage_of_total: number;
  readonly method: string;
  readonly evidence: SourceEstimate["evidence"] | null;
  readonly gross: SavingsFigures | null;
  readonly types: SourceEstimate["types"];
}

export interface SavingsReport {
  readonly project_name: string | null;
  readonly customer: string | null;
  readonly period: {
    readonly start: string | null;
    readonly end: string | null;
  };
  readonly model_version: string;
  readonly seed: number;
  readonly draws: number;
  readonly tasks: number;
  readonly total_interventions: number;
  readonly total_tokens_saved: number;
  readonly total_cost_saved_usd: number;
  readonly total: Omit<SavingsEstimate, "sources">;
  readonly savings_by_source: readonly SourceLine[];
  readonly usage: UsageTotals;
  readonly warnings: readonly string[];
}

export interface ReportOptions {
  readonly config: EstimateConfig;
  readonly price: Pricer;
  readonly seed?: number;
  readonly draws?: number;
}

/**
 * The savings of a project, customer and period: the rollups' counts and
 * claims, and the estimate with its ranges from the current evidence.
 */
export async function savingsReport(
  db: Kysely<Database>,
  filter: ReportFilter,
  options: ReportOptions,
): Promise<SavingsReport> {
  const [claimed, usage, input] = await Promise.all([
    savingsBySource(db, filter),
    usageTotals(db, filter),
    estimateInput(db, filter, options.price),
  ]);
  const run = { seed: options.seed ?? 1, draws: options.draws ?? 1000 };
  const estimate = estimateSavings(input, options.config, run);
  const { sources, ...total } = estimate;
  return {
    project_name: filter.project ?? null,
    customer: filter.customer ?? null,
    period: { start: filter.since ?? null, end: filter.until ?? null },
    model_version: estimate.model_version,
    seed: estimate.seed,
    draws: estimate.draws,
    tasks: input.tasks.length,
    total_interventions: claimed.reduce((n, s) => n + s.interventions, 0),
    total_tokens_saved: estimate.tokens_saved,
    total_cost_saved_usd: estimate.cost_saved_usd,
    total,
    savings_by_source: lines(claimed, sources, estimate.tokens_saved),
    usage,
    warnings: sampleRatioWarnings(sources),
  };
}

function lines(
  claimed: readonly SourceTotals[],
  estimated: readonly SourceEstimate[],
  total: number,
): SourceLine[] {
  const names = new Set([
    ...claimed.map((c) => c.source),
    ...estimated.map((e) => e.source),
  ]);
  return SOURCES.filter((s) => names.has(s)).map((source) => {
    const c = claimed.find((x) => x.source === source);
    const e = estimated.find((x) => x.source === source);
    const { source: _, ...figures } = e ?? { source };
    return {
      source,
      interventions: c?.interventions ?? 0,
      holdouts: c?.holdouts ?? 0,
      claimed_tokens_saved: c?.tokens_saved ?? 0,
      pending: c?.pending ?? 0,
      percentage_of_total:
        e && total > 0 ? Math.round((e.tokens_saved / total) * 1000) / 10 : 0,
      ...figures,
      method: e?.method ?? "no tasks in this report's scope",
      evidence: e?.evidence ?? null,
      gross: e?.gross ?? null,
      types: e?.types ?? [],
    };
  });
}
