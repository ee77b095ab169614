import type { TaskRecord } from "../domain/normalized.js";
import type { TasksTable } from "./schema.js";

export type TaskMerge =
  | { readonly action: "insert" }
  | { readonly action: "duplicate" }
  | { readonly action: "update"; readonly row: TasksTable }
  | { readonly action: "conflict"; readonly message: string };

const FILLABLE = [
  "agent",
  "description",
  "outcome",
] as const satisfies readonly (keyof TasksTable)[];

const FIXED = ["project", "customer"] as const;

/**
 * A task may arrive more than once: started, then finished, or read from
 * a growing log piece by piece. Later records fill fields still empty and
 * never overwrite one; its span only widens, to the earliest start and the
 * latest end seen. So the order in which versions arrive does not matter
 * and an old version sent again is a duplicate. Project and customer are
 * fixed by the first record because every rollup of the task is filed
 * under them.
 */
export function mergeTask(
  stored: TasksTable | undefined,
  incoming: TaskRecord,
): TaskMerge {
  if (!stored) return { action: "insert" };
  for (const field of FIXED) {
    if (stored[field] !== incoming[field]) {
      return {
        action: "conflict",
        message:
          `task ${incoming.correlation_id} is already recorded with ` +
          `${field} ${JSON.stringify(stored[field])}, got ` +
          `${JSON.stringify(incoming[field])}`,
      };
    }
  }
  const row: TasksTable = { ...stored };
  let changed = false;
  for (const field of FILLABLE) {
    const value = incoming[field];
    if (value === null || value === stored[field]) continue;
    if (stored[field] !== null) {
      return {
        action: "conflict",
        message:
          `task ${incoming.correlation_id} already has ${field} ` +
          `${JSON.stringify(stored[field])}, got ${JSON.stringify(value)}`,
      };
    }
    row[field] = value;
    changed = true;
  }
  const started = earliest(stored.started_at, incoming.started_at);
  const ended = latest(stored.ended_at, incoming.ended_at);
  if (started !== stored.started_at || ended !== stored.ended_at) {
    row.started_at = started;
    row.ended_at = ended;
    changed = true;
  }
  return changed ? { action: "update", row } : { action: "duplicate" };
}

type Instant = string | null;

function earliest(a: Instant, b: Instant): Instant {
  if (a === null || b === null) return a ?? b;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

function latest(a: Instant, b: Instant): Instant {
  if (a === null || b === null) return a ?? b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function taskRow(r: TaskRecord): TasksTable {
  return {
    correlation_id: r.correlation_id,
    id: r.id,
    project: r.project,
    customer: r.customer,
    agent: r.agent,
    description: r.description,
    started_at: r.started_at,
    ended_at: r.ended_at,
    outcome: r.outcome,
  };
}
