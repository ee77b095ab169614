/**
 * Aggregates of a correlation id's rows, used to move them from the
 * unassigned rollups to their task's project when the task arrives.
 * `$1` is the correlation id; SQLite reads it as a numbered parameter too.
 */
export const REHOME_SAVINGS = `
  select day, source, type, count(*) as interventions,
    sum(coalesce(estimated_tokens_saved, 0)) as estimated_tokens_saved,
    sum(case when estimated_tokens_saved is null then 1 else 0 end) as pending
  from savings_ledger where correlation_id = $1
  group by day, source, type`;

export const REHOME_HOLDOUTS = `
  select day, source, type, count(*) as holdouts
  from holdouts where correlation_id = $1
  group by day, source, type`;

export const REHOME_USAGE = `
  select day, model,
    case when cost_usd_micros is null then 0 else 1 end as priced_by_source,
    count(*) as requests,
    sum(input_tokens) as input_tokens,
    sum(output_tokens) as output_tokens,
    sum(cache_read_tokens) as cache_read_tokens,
    sum(cache_write_5m_tokens) as cache_write_5m_tokens,
    sum(cache_write_1h_tokens) as cache_write_1h_tokens,
    sum(coalesce(cost_usd_micros, 0)) as cost_usd_micros
  from usage_records where correlation_id = $1
  group by day, model, case when cost_usd_micros is null then 0 else 1 end`;

export interface RehomeSavingsRow {
  day: string;
  source: string;
  type: string;
  interventions: number | string;
  estimated_tokens_saved: number | string;
  pending: number | string;
}

export interface RehomeHoldoutRow {
  day: string;
  source: string;
  type: string;
  holdouts: number | string;
}

export interface RehomeUsageRow {
  day: string;
  model: string;
  priced_by_source: number | string;
  requests: number | string;
  input_tokens: number | string;
  output_tokens: number | string;
  cache_read_tokens: number | string;
  cache_write_5m_tokens: number | string;
  cache_write_1h_tokens: number | string;
  cost_usd_micros: number | string;
}
