import type { CorrelationId, Day, RecordId } from "./ids.js";
import type { InterventionSource, Source } from "./sources.js";

/** How a stored intervention's `estimated_tokens_saved` came about. */
export type Claim =
  | "source" // the tooling reported its own estimate
  | "measured" // both sides known: baseline minus actual
  | "spec_model" // the specification's constant model
  | "pending"; // nothing yet: waits for usage or evidence

export interface TaskRecord {
  readonly kind: "task";
  readonly id: RecordId;
  readonly correlation_id: CorrelationId;
  readonly project: string;
  readonly customer: string;
  readonly agent: string | null;
  readonly description: string | null;
  readonly started_at: string | null;
  readonly ended_at: string | null;
  readonly outcome: string | null;
}

export interface UsageRecord {
  readonly kind: "usage";
  readonly id: RecordId;
  readonly correlation_id: CorrelationId;
  readonly model: string;
  readonly at: string;
  readonly day: Day;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_5m_tokens: number;
  readonly cache_write_1h_tokens: number;
  readonly cost_usd_micros: number | null;
  readonly request_id: string | null;
}

export interface HoldoutRecord {
  readonly kind: "holdout";
  readonly id: RecordId;
  readonly correlation_id: CorrelationId;
  readonly source: Source;
  readonly type: string;
  readonly at: string;
  readonly day: Day;
}

export interface InterventionRecord {
  readonly kind: "intervention";
  readonly id: RecordId;
  readonly correlation_id: CorrelationId;
  readonly source: InterventionSource;
  readonly type: string;
  readonly at: string;
  readonly day: Day;
  readonly estimated_tokens_saved: number | null;
  readonly confidence: number | null;
  readonly claim: Claim;
  /** Detail columns ingest filled in because the record did not carry them. */
  readonly derived: readonly string[];
  /** The columns of the source's specification table, by their names. */
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

/** A measurement for the estimates; see `observationSchema`. */
export interface ObservationRecord {
  readonly kind: "observation";
  readonly id: RecordId;
  /** Observations belong to no task; this keeps every record keyed alike. */
  readonly correlation_id: CorrelationId;
  readonly source: InterventionSource;
  readonly type: string;
  readonly method: "transcript" | "before_after";
  readonly value_tokens: number;
  readonly n: number;
  /** Null when the observation holds for every project or customer. */
  readonly project: string | null;
  readonly customer: string | null;
  readonly at: string;
}

export type LedgerRecord =
  | TaskRecord
  | UsageRecord
  | HoldoutRecord
  | InterventionRecord
  | ObservationRecord;
