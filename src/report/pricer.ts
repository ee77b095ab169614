/** Token counts of some requests of one model on one day. */
export interface UsageBuckets {
  readonly model: string;
  readonly day: string;
  readonly customer: string;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_tokens: number;
  readonly cache_write_5m_tokens: number;
  readonly cache_write_1h_tokens: number;
}

/** Prices requests in micro-dollars; null when the model has no price. */
export type Pricer = (usage: UsageBuckets) => number | null;

/** Knows no prices: only costs the sources reported count. */
export const NO_PRICES: Pricer = () => null;
