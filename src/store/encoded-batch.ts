import type { InterventionRecord, LedgerRecord } from "../domain/normalized.js";
import type { DialectName } from "./dialect.js";

/** The kinds of record a batch carries as they are. */
export type OtherRecord = Exclude<LedgerRecord, InterventionRecord>;

/** A record of a batch that is not an intervention, and where it stood. */
export interface BatchItem {
  readonly index: number;
  readonly record: OtherRecord;
}

/**
 * A batch on its way to a store, its interventions already turned into
 * the rows of the ledger and detail tables in the store's own encoding.
 * It is built where records are parsed, so that a few buffers cross to
 * the thread that writes instead of thousands of objects.
 */
export interface EncodedBatch<Rows = unknown> {
  readonly dialect: DialectName;
  /** Records in the batch, repeated ones included. */
  readonly size: number;
  /** Interventions encoded in `rows`. */
  readonly interventions: number;
  /**
   * Interventions left out because their id came earlier in the batch,
   * when the store asks for each id once (`BatchBuilder`'s `unique`).
   */
  readonly repeated: number;
  readonly rows: Rows;
  /** The records of every other kind, in batch order. */
  readonly others: readonly BatchItem[];
}

/** Turns a batch's interventions into one store's rows. */
export interface InterventionEncoder<Rows> {
  add(record: InterventionRecord): void;
  finish(): Rows;
}

/** Collects records into `EncodedBatch`es of one dialect. */
export class BatchBuilder<Rows> {
  private encoder: InterventionEncoder<Rows>;
  private seen = new Set<string>();
  private others: BatchItem[] = [];
  private count = 0;
  private interventions = 0;
  private repeated = 0;

  /**
   * `unique`: leave out interventions whose id came earlier in the batch,
   * for a store that cannot tell them from stored ones row by row.
   */
  constructor(
    private readonly dialect: DialectName,
    private readonly encoderOf: () => InterventionEncoder<Rows>,
    private readonly unique: boolean,
  ) {
    this.encoder = encoderOf();
  }

  get size(): number {
    return this.count;
  }

  add(record: LedgerRecord): void {
    const index = this.count++;
    if (record.kind !== "intervention") {
      this.others.push({ index, record });
    } else if (this.unique && this.seen.has(record.id)) {
      this.repeated += 1;
    } else {
      if (this.unique) this.seen.add(record.id);
      this.interventions += 1;
      this.encoder.add(record);
    }
  }

  /** The batch so far; the builder starts a new one. */
  finish(): EncodedBatch<Rows> {
    const batch: EncodedBatch<Rows> = {
      dialect: this.dialect,
      size: this.count,
      interventions: this.interventions,
      repeated: this.repeated,
      rows: this.encoder.finish(),
      others: this.others,
    };
    this.encoder = this.encoderOf();
    this.seen = new Set();
    this.others = [];
    this.count = 0;
    this.interventions = 0;
    this.repeated = 0;
    return batch;
  }
}
