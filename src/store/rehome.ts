import { type Attribution, UNASSIGNED } from "./attribution.js";
import type {
  RehomeHoldoutRow,
  RehomeSavingsRow,
  RehomeUsageRow,
} from "./rehome-sql.js";
import type { RollupDelta } from "./rollup-delta.js";

export interface RehomeRows {
  readonly savings: readonly RehomeSavingsRow[];
  readonly holdouts: readonly RehomeHoldoutRow[];
  readonly usage: readonly RehomeUsageRow[];
}

/** Moves a correlation id's rollup contributions to its task's project. */
export function rehome(delta: RollupDelta, to: Attribution, rows: RehomeRows) {
  for (const from of [UNASSIGNED, to]) {
    const sign = from === UNASSIGNED ? -1 : 1;
    for (const r of rows.savings) {
      const key = { ...from, day: r.day, source: r.source, type: r.type };
      const sums = {
        interventions: Number(r.interventions),
        holdouts: 0,
        estimated_tokens_saved: Number(r.estimated_tokens_saved),
        pending: Number(r.pending),
      };
      delta.addSavings(key, sums, sign);
    }
    for (const r of rows.holdouts) {
      const key = { ...from, day: r.day, source: r.source, type: r.type };
      const sums = {
        interventions: 0,
        holdouts: Number(r.holdouts),
        estimated_tokens_saved: 0,
        pending: 0,
      };
      delta.addSavings(key, sums, sign);
    }
    for (const r of rows.usage) {
      const priced = Number(r.priced_by_source);
      const key = {
        ...from,
        day: r.day,
        model: r.model,
        priced_by_source: priced,
      };
      delta.addUsageSums(key, numbers(r), sign);
    }
  }
}

function numbers(r: RehomeUsageRow) {
  return {
    requests: Number(r.requests),
    input_tokens: Number(r.input_tokens),
    output_tokens: Number(r.output_tokens),
    cache_read_tokens: Number(r.cache_read_tokens),
    cache_write_5m_tokens: Number(r.cache_write_5m_tokens),
    cache_write_1h_tokens: Number(r.cache_write_1h_tokens),
    cost_usd_micros: Number(r.cost_usd_micros),
  };
}
