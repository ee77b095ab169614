import type { UsageRecord } from "../../domain/normalized.js";
import type { BatchItem } from "../encoded-batch.js";
import { usageTotal } from "../rollup-delta.js";
import {
  UPDATE_USAGE,
  USAGE_COLUMNS,
  usageUpdateValues,
  usageValues,
} from "../rows.js";
import type { UsageRecordsTable } from "../schema.js";
import type { Batch } from "./batch.js";
import type { PgClient } from "./driver.js";
import { INSERT_USAGE } from "./statements.js";
import { columnsOf } from "./unnest.js";

/**
 * A usage id seen again is the same response seen later: the larger counts
 * win, so a response first read mid-stream ends with its final usage.
 */
export async function writeUsage(client: PgClient, batch: Batch) {
  const items = largestOfEachId(batch);
  if (items.length === 0) return;
  const records = items.map((i) => i.record as UsageRecord);
  const result = await client.query<{ id: string }>(
    INSERT_USAGE,
    columnsOf(records.map(usageValues), USAGE_COLUMNS.length),
  );
  const inserted = new Set(result.rows.map((r) => r.id));
  for (const r of records) {
    if (inserted.has(r.id))
      batch.delta.addUsage(batch.owner(r.correlation_id), r);
  }
  batch.settleInserted(items, inserted);
  const again = items.filter((i) => !inserted.has(i.record.id));
  if (again.length > 0) await replaceSmaller(client, batch, again);
}

function largestOfEachId(batch: Batch): BatchItem[] {
  const best = new Map<string, BatchItem>();
  for (const item of batch.of("usage")) {
    const held = best.get(item.record.id);
    if (!held) {
      best.set(item.record.id, item);
      continue;
    }
    const bigger =
      usageTotal(item.record as UsageRecord) >
      usageTotal(held.record as UsageRecord);
    batch.settle(bigger ? held.index : item.index, "duplicate");
    if (bigger) best.set(item.record.id, item);
  }
  return [...best.values()];
}

async function replaceSmaller(
  client: PgClient,
  batch: Batch,
  items: BatchItem[],
) {
  const ids = items.map((i) => i.record.id);
  const found = await client.query<UsageRecordsTable>(
    "select * from usage_records where id = any($1::text[]) for update",
    [ids],
  );
  const stored = new Map(found.rows.map((r) => [r.id, r]));
  for (const { index, record } of items) {
    const r = record as UsageRecord;
    const old = stored.get(r.id);
    if (!old || usageTotal(r) <= usageTotal(old)) continue;
    await client.query(UPDATE_USAGE, usageUpdateValues(r));
    const oldRecord = { ...old, kind: "usage" } as UsageRecord;
    batch.delta.addUsage(batch.owner(old.correlation_id), oldRecord, -1);
    batch.delta.addUsage(batch.owner(r.correlation_id), r);
    batch.settle(index, "accepted");
  }
}
