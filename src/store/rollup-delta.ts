import type {
  HoldoutRecord,
  InterventionRecord,
  UsageRecord,
} from "../domain/normalized.js";
import type { Attribution } from "./attribution.js";

export interface SavingsSums {
  interventions: number;
  holdouts: number;
  estimated_tokens_saved: number;
  pending: number;
}

export interface UsageSums {
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_5m_tokens: number;
  cache_write_1h_tokens: number;
  cost_usd_micros: number;
}

export interface SavingsKey extends Attribution {
  readonly day: string;
  readonly source: string;
  readonly type: string;
}

export interface UsageKey extends Attribution {
  readonly day: string;
  readonly model: string;
  readonly priced_by_source: number;
}

const SEP = "\u0000";

/** What an intervention adds to its rollup row. */
export type Saving = Pick<
  InterventionRecord,
  "day" | "source" | "type" | "estimated_tokens_saved"
>;

/**
 * Changes to the rollup rows collected over one batch, so each rollup row
 * is written once per transaction however many records touch it.
 */
export class RollupDelta {
  readonly savings = new Map<string, SavingsKey & SavingsSums>();
  readonly usage = new Map<string, UsageKey & UsageSums>();
  private taken = false;

  /**
   * Whether anything was taken away (records moved to their task, a usage
   * replaced), which can leave unassigned rollup rows at zero.
   */
  get emptiesRows(): boolean {
    return this.taken;
  }

  addIntervention(at: Attribution, r: Saving, sign = 1): void {
    if (sign < 0) this.taken = true;
    const row = this.savingsRow(at, r);
    row.interventions += sign;
    row.estimated_tokens_saved += sign * (r.estimated_tokens_saved ?? 0);
    if (r.estimated_tokens_saved === null) row.pending += sign;
  }

  addHoldout(at: Attribution, r: HoldoutRecord, sign = 1): void {
    if (sign < 0) this.taken = true;
    this.savingsRow(at, r).holdouts += sign;
  }

  addSavings(key: SavingsKey, sums: SavingsSums, sign = 1): void {
    if (sign < 0) this.taken = true;
    const row = this.savingsRow(key, key);
    row.interventions += sign * sums.interventions;
    row.holdouts += sign * sums.holdouts;
    row.estimated_tokens_saved += sign * sums.estimated_tokens_saved;
    row.pending += sign * sums.pending;
  }

  addUsage(at: Attribution, r: UsageRecord, sign = 1): void {
    const priced = r.cost_usd_micros === null ? 0 : 1;
    const key = { ...at, day: r.day, model: r.model, priced_by_source: priced };
    this.addUsageSums(key, usageSums(r), sign);
  }

  addUsageSums(key: UsageKey, sums: UsageSums, sign = 1): void {
    if (sign < 0) this.taken = true;
    const row = this.usageRow(key);
    for (const field of USAGE_FIELDS) row[field] += sign * sums[field];
  }

  get empty(): boolean {
    return this.savings.size === 0 && this.usage.size === 0;
  }

  private savingsRow(
    at: Attribution,
    { day, source, type }: Omit<SavingsKey, keyof Attribution>,
  ): SavingsKey & SavingsSums {
    const k = `${at.customer}${SEP}${at.project}${SEP}${day}${SEP}${source}${SEP}${type}`;
    let row = this.savings.get(k);
    if (!row) {
      row = {
        customer: at.customer,
        project: at.project,
        day,
        source,
        type,
        interventions: 0,
        holdouts: 0,
        estimated_tokens_saved: 0,
        pending: 0,
      };
      this.savings.set(k, row);
    }
    return row;
  }

  private usageRow(key: UsageKey): UsageKey & UsageSums {
    const k = [
      key.customer,
      key.project,
      key.day,
      key.model,
      key.priced_by_source,
    ].join(SEP);
    let row = this.usage.get(k);
    if (!row) {
      row = { ...key, ...zeroUsage() };
      this.usage.set(k, row);
    }
    return row;
  }
}

export const USAGE_FIELDS = [
  "requests",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_5m_tokens",
  "cache_write_1h_tokens",
  "cost_usd_micros",
] as const satisfies readonly (keyof UsageSums)[];

export function zeroUsage(): UsageSums {
  return {
    requests: 0,
    input_tokens: 0,
    output_tokens: 0,
    cache_read_tokens: 0,
    cache_write_5m_tokens: 0,
    cache_write_1h_tokens: 0,
    cost_usd_micros: 0,
  };
}

export function usageSums(r: Omit<UsageRecord, "kind">): UsageSums {
  return {
    requests: 1,
    input_tokens: r.input_tokens,
    output_tokens: r.output_tokens,
    cache_read_tokens: r.cache_read_tokens,
    cache_write_5m_tokens: r.cache_write_5m_tokens,
    cache_write_1h_tokens: r.cache_write_1h_tokens,
    cost_usd_micros: r.cost_usd_micros ?? 0,
  };
}

/** All tokens of one request, the measure "larger usage wins" compares. */
export function usageTotal(
  r: Omit<UsageSums, "requests" | "cost_usd_micros">,
): number {
  return (
    r.input_tokens +
    r.output_tokens +
    r.cache_read_tokens +
    r.cache_write_5m_tokens +
    r.cache_write_1h_tokens
  );
}
