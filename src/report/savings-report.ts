import type { Kysely } from "kysely";
import { SOURCES } from "../domain/sources.js";
import type { Database } from "../store/schema.js";
import type { ReportFilter } from "./filters.js";
import {
  type SourceTotals,
  savingsBySource,
  type UsageTotals,
  usageTotals,
} from "./rollup-queries.js";

export interface SourceLine extends SourceTotals {
  readonly percentage_of_total: number;
}

/** What the tooling did and the tokens it claims, per source. */
export interface SavingsReport {
  readonly project_name: string | null;
  readonly customer: string | null;
  readonly period: {
    readonly start: string | null;
    readonly end: string | null;
  };
  readonly total_interventions: number;
  readonly total_tokens_saved: number;
  readonly savings_by_source: readonly SourceLine[];
  readonly usage: UsageTotals;
  readonly basis: string;
}

export const CLAIMED_BASIS =
  "tokens saved as the tooling reported them, measured as baseline minus " +
  "actual, or from the specification's point models; no interval yet";

export async function savingsReport(
  db: Kysely<Database>,
  filter: ReportFilter,
): Promise<SavingsReport> {
  const [bySource, usage] = await Promise.all([
    savingsBySource(db, filter),
    usageTotals(db, filter),
  ]);
  const ordered = [...bySource].sort(
    (a, b) =>
      SOURCES.indexOf(a.source as never) - SOURCES.indexOf(b.source as never),
  );
  const total = ordered.reduce((n, s) => n + s.tokens_saved, 0);
  return {
    project_name: filter.project ?? null,
    customer: filter.customer ?? null,
    period: { start: filter.since ?? null, end: filter.until ?? null },
    total_interventions: ordered.reduce((n, s) => n + s.interventions, 0),
    total_tokens_saved: total,
    savings_by_source: ordered.map((s) => ({
      ...s,
      percentage_of_total:
        total > 0 ? round1((s.tokens_saved / total) * 100) : 0,
    })),
    usage,
    basis: CLAIMED_BASIS,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
