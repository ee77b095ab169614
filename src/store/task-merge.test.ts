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
