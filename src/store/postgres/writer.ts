import type {
  HoldoutRecord,
  InterventionRecord,
  LedgerRecord,
  ObservationRecord,
  TaskRecord,
} from "../../domain/normalized.js";
import type { InterventionSource } from "../../domain/sources.js";
import {
  detailValues,
  HOLDOUT_COLUMNS,
  holdoutValues,
  LEDGER_COLUMNS,
  ledgerValues,
  MANIFEST_INJECTION_COLUMNS,
  manifestInjectionValues,
  OBSERVATION_COLUMNS,
  observationValues,
} from "../rows.js";
import type { Conflict, WriteResult } from "../store.js";
import { Batch } from "./batch.js";
import type { PgClient, PgPool } from "./driver.js";
import { flushRollups } from "./flush.js";
import {
  INSERT_DETAIL,
  INSERT_HOLDOUTS,
  INSERT_INJECTIONS,
  INSERT_LEDGER,
  INSERT_OBSERVATIONS,
} from "./statements.js";
import { columnsOf } from "./unnest.js";
import { writeTask } from "./write-task.js";
import { writeUsage } from "./write-usage.js";

/** Deadlocks and serialization failures: the batch is simply tried again. */
const RETRYABLE = new Set(["40P01", "40001"]);

export class PgWriter {
  constructor(private readonly pool: PgPool) {}

  async write(records: readonly LedgerRecord[]): Promise<WriteResult> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query("begin");
        const result = await writeBatch(client, records);
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
  records: readonly LedgerRecord[],
): Promise<WriteResult> {
  const batch = new Batch(records);
  await batch.lockCorrelations(client);
  for (const { index, record } of batch.of("task")) {
    batch.settle(index, await writeTask(client, record as TaskRecord, batch));
  }
  await batch.loadOwners(client);
  await writeInterventions(client, batch);
  await writeHoldouts(client, batch);
  await writeObservations(client, batch);
  await writeUsage(client, batch);
  await flushRollups(client, batch.delta);
  return summarize(batch);
}

async function writeInterventions(client: PgClient, batch: Batch) {
  const items = batch.firstOfEachId("intervention");
  if (items.length === 0) return;
  const records = items.map((i) => i.record as InterventionRecord);
  const rows = records.map(ledgerValues);
  const inserted = await insertedIds(
    client,
    INSERT_LEDGER,
    rows,
    LEDGER_COLUMNS.length,
  );
  const bySource = new Map<InterventionSource, InterventionRecord[]>();
  for (const r of records) {
    if (!inserted.has(r.id)) continue;
    const list = bySource.get(r.source) ?? [];
    list.push(r);
    bySource.set(r.source, list);
    batch.delta.addIntervention(batch.owner(r.correlation_id), r);
  }
  await insertInjections(
    client,
    records.filter((r) => inserted.has(r.id)),
  );
  for (const [source, list] of bySource) {
    const values = list.map((r) => detailValues(r, "postgres"));
    const width = values[0]?.length ?? 0;
    await client.query(INSERT_DETAIL[source], columnsOf(values, width));
  }
  batch.settleInserted(items, inserted);
}

async function insertInjections(
  client: PgClient,
  records: InterventionRecord[],
) {
  const rows = records
    .map((r) => manifestInjectionValues(r, "postgres"))
    .filter((v) => v !== null);
  if (rows.length > 0)
    await client.query(
      INSERT_INJECTIONS,
      columnsOf(rows, MANIFEST_INJECTION_COLUMNS.length),
    );
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

function summarize(batch: Batch): WriteResult {
  let accepted = 0;
  let duplicates = 0;
  const conflicts: Conflict[] = [];
  batch.outcomes.forEach((outcome, index) => {
    if (outcome === "accepted") accepted += 1;
    else if (outcome === "duplicate" || outcome === undefined) duplicates += 1;
    else conflicts.push({ index, message: outcome });
  });
  return { accepted, duplicates, conflicts };
}
