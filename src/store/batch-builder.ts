import type { LedgerRecord } from "../domain/normalized.js";
import type { DialectName } from "./dialect.js";
import { BatchBuilder } from "./encoded-batch.js";
import { PostgresEncoder } from "./postgres/encode.js";
import { SqliteEncoder } from "./sqlite/encode.js";

/**
 * A builder of batches for the store of a dialect. SQLite inserts row by
 * row and sees a repeated id itself; PostgreSQL inserts a batch at once
 * and needs each id once.
 */
export function batchBuilder(dialect: DialectName): BatchBuilder<unknown> {
  return dialect === "postgres"
    ? new BatchBuilder(dialect, () => new PostgresEncoder(), true)
    : new BatchBuilder(dialect, () => new SqliteEncoder(), false);
}

/** Records given as a list, encoded as one batch. */
export function encodeRecords(
  dialect: DialectName,
  records: readonly LedgerRecord[],
) {
  const builder = batchBuilder(dialect);
  for (const r of records) builder.add(r);
  return builder.finish();
}
