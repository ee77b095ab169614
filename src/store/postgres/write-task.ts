import type { TaskRecord } from "../../domain/normalized.js";
import { rehome } from "../rehome.js";
import {
  REHOME_HOLDOUTS,
  REHOME_SAVINGS,
  REHOME_USAGE,
} from "../rehome-sql.js";
import {
  insertSql,
  TASK_COLUMNS,
  taskUpdateValues,
  taskValues,
  UPDATE_TASK,
} from "../rows.js";
import type { TasksTable } from "../schema.js";
import { mergeTask } from "../task-merge.js";
import type { Batch, Outcome } from "./batch.js";
import type { PgClient } from "./driver.js";

const SELECT_TASK = "select * from tasks where correlation_id = $1 for update";
const INSERT_TASK = insertSql("tasks", TASK_COLUMNS);

/** Inserts or completes one task; a new task takes its earlier records. */
export async function writeTask(
  client: PgClient,
  r: TaskRecord,
  batch: Batch,
): Promise<Outcome> {
  const found = await client.query<TasksTable>(SELECT_TASK, [r.correlation_id]);
  const stored = found.rows[0];
  const merge = mergeTask(stored, r);
  if (stored) batch.setOwner(r.correlation_id, stored);
  switch (merge.action) {
    case "conflict":
      return merge.message;
    case "duplicate":
      return "duplicate";
    case "update":
      await client.query(UPDATE_TASK, taskUpdateValues(merge.row));
      return "accepted";
    case "insert":
      await client.query(INSERT_TASK, taskValues(r));
      await moveToTask(client, r, batch);
      return "accepted";
  }
}

async function moveToTask(client: PgClient, r: TaskRecord, batch: Batch) {
  const to = { customer: r.customer, project: r.project };
  batch.setOwner(r.correlation_id, to);
  const id = [r.correlation_id];
  // In sequence: pg deprecates queueing queries on a busy client.
  const savings = await client.query(REHOME_SAVINGS, id);
  const holdouts = await client.query(REHOME_HOLDOUTS, id);
  const usage = await client.query(REHOME_USAGE, id);
  rehome(batch.delta, to, {
    savings: savings.rows as never[],
    holdouts: holdouts.rows as never[],
    usage: usage.rows as never[],
  });
}
