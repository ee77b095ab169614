import type {
  HoldoutRecord,
  LedgerRecord,
  ObservationRecord,
  TaskRecord,
} from "../../domain/normalized.js";
import { encodeRecords } from "../batch-builder.js";
import type { EncodedBatch } from "../encoded-batch.js";
import {
  HOLDOUT_COLUMNS,
  holdoutValues,
  OBSERVATION_COLUMNS,
  observationValues,
} from "../rows.js";
import type { Conflict, WriteResult } from "../store.js";
import { Batch } from "./batch.js";
import type { PgClient, PgPool } from "./driver.js";
import type { PostgresRows } from "./encode.js";
import { flushRollups } from "./flush.js";
import { INSERT_HOLDOUTS, INSERT_OBSERVATIONS } from "./statements.js";
import { columnsOf } from "./unnest.js";
import { writeInterventions } from "./write-interventions.js";
import { writeTask } from "./write-task.js";
import { writeUsage } from "./write-usage.js";

/** Deadlocks and serialization failures: the batch is simply tried again. */
const RETRYABLE = new Set(["40P01", "40001"]);

export class PgWriter {
  constructor(private readonly pool: PgPool) {}

  write(records: readonly LedgerRecord[]): Promise<WriteResult> {
    return this.writeBatch(encodeRecords("postgres", records));
  }

  async writeBatch(encoded: EncodedBatch): Promise<WriteResult> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query("begin");
        const result = await writeBatch(
          client,
          encoded as EncodedBatch<PostgresRows>,
        );
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        const code = (error as { code?: string }).code ?? "";
        if (!RETRYABLE.has(code) || attempt >= 5) throw error;
      } finally {
        client.release();
      }
    }
  }
}

async function writeBatch(
  client: PgClient,
  encoded: EncodedBatch<PostgresRows>,
): Promise<WriteResult> {
  const batch = new Batch(encoded);
  await batch.lockCorrelations(client);
  for (const { index, record } of batch.of("task")) {
    batch.settle(index, await writeTask(client, record as TaskRecord, batch));
  }
  await batch.loadOwners(client);
  await writeHoldouts(client, batch);
  await writeObservations(client, batch);
  await writeUsage(client, batch);
  const inserted = await writeInterventions(client, batch);
  await flushRollups(client, batch.delta);
  return summarize(batch, inserted);
}

async function writeHoldouts(client: PgClient, batch: Batch) {
  const items = batch.firstOfEachId("holdout");
  if (items.length === 0) return;
  const records = items.map((i) => i.record as HoldoutRecord);
  const inserted = await insertedIds(
    client,
    INSERT_HOLDOUTS,
    records.map(holdoutValues),
    HOLDOUT_COLUMNS.length,
  );
  for (const r of records) {
    if (inserted.has(r.id))
      batch.delta.addHoldout(batch.owner(r.correlation_id), r);
  }
  batch.settleInserted(items, inserted);
}

async function writeObservations(client: PgClient, batch: Batch) {
  const items = batch.firstOfEachId("observation");
  if (items.length === 0) return;
  const rows = items.map((i) =>
    observationValues(i.record as ObservationRecord),
  );
  const inserted = await insertedIds(
    client,
    INSERT_OBSERVATIONS,
    rows,
    OBSERVATION_COLUMNS.length,
  );
  batch.settleInserted(items, inserted);
}

export async function insertedIds(
  client: PgClient,
  sql: string,
  rows: readonly (readonly unknown[])[],
  width: number,
): Promise<Set<string>> {
  const result = await client.query<{ id: string }>(
    sql,
    columnsOf(rows, width),
  );
  return new Set(result.rows.map((r) => r.id));
}

function summarize(batch: Batch, inserted: number): WriteResult {
  const { encoded } = batch;
  let accepted = inserted;
  let duplicates = encoded.interventions - inserted + encoded.repeated;
  const conflicts: Conflict[] = [];
  for (const { index } of encoded.others) {
    const outcome = batch.outcomes.get(index) ?? "duplicate";
    if (outcome === "accepted") accepted += 1;
    else if (outcome === "duplicate") duplicates += 1;
    else conflicts.push({ index, message: outcome });
  }
  return { accepted, duplicates, conflicts };
}
