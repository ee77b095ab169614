import { describe, expect, it } from "vitest";
import type { TaskRecord } from "../domain/normalized.js";
import { normalizeRecord } from "../ingest/normalize.js";
import { mergeTask, taskRow } from "./task-merge.js";

const task = (extra: object) =>
  normalizeRecord({
    kind: "task",
    correlation_id: "t",
    project: "p",
    ...extra,
  }) as TaskRecord;

describe("mergeTask", () => {
  it("inserts a new task, fills empty fields, and calls a repeat a duplicate", () => {
    expect(mergeTask(undefined, task({}))).toEqual({ action: "insert" });
    const stored = taskRow(task({}));
    const done = mergeTask(stored, task({ outcome: "success" }));
    expect(done).toMatchObject({
      action: "update",
      row: { outcome: "success" },
    });
    expect(mergeTask(taskRow(task({ outcome: "success" })), task({}))).toEqual({
      action: "duplicate",
    });
  });

  it("widens the span to the earliest start and the latest end", () => {
    const stored = taskRow(
      task({
        started_at: "2026-01-02T10:00:00.000Z",
        ended_at: "2026-01-02T11:00:00.000Z",
      }),
    );
    const later = task({
      started_at: "2026-01-02T10:30:00.000Z",
      ended_at: "2026-01-02T12:00:00.000Z",
    });
    expect(mergeTask(stored, later)).toMatchObject({
      action: "update",
      row: {
        started_at: "2026-01-02T10:00:00.000Z",
        ended_at: "2026-01-02T12:00:00.000Z",
      },
    });
    const inside = task({
      started_at: "2026-01-02T10:15:00.000Z",
      ended_at: "2026-01-02T10:45:00.000Z",
    });
    expect(mergeTask(stored, inside)).toEqual({ action: "duplicate" });
  });

  it("refuses to overwrite a field or move a task", () => {
    const stored = taskRow(task({ outcome: "success" }));
    expect(mergeTask(stored, task({ outcome: "failure" }))).toMatchObject({
      action: "conflict",
    });
    expect(mergeTask(stored, task({ customer: "other" }))).toMatchObject({
      action: "conflict",
      message: 'task t is already recorded with customer "", got "other"',
    });
  });
});
