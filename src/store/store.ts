import type { Kysely } from "kysely";
import type { LedgerRecord } from "../domain/normalized.js";
import type { DialectName } from "./dialect.js";
import type { EncodedBatch } from "./encoded-batch.js";
import type { Database } from "./schema.js";

/** A record the store refused because it contradicts one already stored. */
export interface Conflict {
  /** Position of the record in the batch given to `write`. */
  readonly index: number;
  readonly message: string;
}

export interface WriteResult {
  readonly accepted: number;
  readonly duplicates: number;
  readonly conflicts: readonly Conflict[];
}

/**
 * Where the ledger lives. Both implementations keep the same tables and
 * answer the same queries; `write` is their fast path.
 */
export interface Store {
  readonly dialect: DialectName;
  /** Batches a writer may have in flight at once. */
  readonly concurrency: number;
  /** Typed queries over the tables; writes go through `write`. */
  readonly db: Kysely<Database>;
  /**
   * Stores a batch in one transaction, rollups included. Each record is
   * stored whole or not at all; one that was stored before counts as a
   * duplicate and changes nothing.
   */
  write(records: readonly LedgerRecord[]): Promise<WriteResult>;
  /**
   * `write` for a batch already encoded for this store's dialect
   * (`batchBuilder`); conflicts are numbered by position in the batch.
   */
  writeBatch(batch: EncodedBatch): Promise<WriteResult>;
  close(): Promise<void>;
}
