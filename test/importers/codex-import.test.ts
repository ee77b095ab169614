import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { taskSchema, usageSchema } from "../../src/domain/records.js";
import { importCodex } from "../../src/importers/codex/import.js";
import { CODEX_HOME } from "./fixture-roots.js";
import { StoreLike } from "./store-like.js";

const SESSION = "019b7f94-51b4-7593-922e-ba12b5b73b52";
const ROLLOUT = join(
  CODEX_HOME,
  `sessions/2026/01/02/rollout-2026-01-02T18-39-45-${SESSION}.jsonl`,
);

describe("importCodex on a real Codex CLI rollout", () => {
  it("turns token counts into deltas, skipping null info and repeats", async () => {
    const result = await importCodex({ dirs: [CODEX_HOME] });
    // Six token_count events: one rate-limit only, two repeats.
    expect(
      result.usage.map((u) => [
        u.input_tokens,
        u.cache_read_tokens,
        u.output_tokens,
      ]),
    ).toEqual([
      [7266, 0, 115],
      [250, 7296, 60],
      [110, 7552, 125],
    ]);
    for (const record of result.usage) {
      usageSchema.parse(record);
      expect(record.model).toBe("gpt-5-1-codex-2025-11-13");
      expect(record.correlation_id).toBe(SESSION);
    }
  });

  it("matches ccusage's session totals (uncached input = input − cached)", async () => {
    const store = new StoreLike().add(
      await importCodex({ dirs: [CODEX_HOME] }),
    );
    // ccusage 20.0.24: inputTokens 7626, cacheReadTokens 14848, outputTokens
    // 300 (reasoning 128 is inside output), totalTokens 22774.
    expect(store.sessions().get(SESSION)).toEqual({
      input: 7626,
      output: 300,
      write: 0,
      read: 14848,
    });
  });

  it("names the project after the working directory", async () => {
    const { tasks } = await importCodex({
      dirs: [CODEX_HOME],
      projects: { "codemie-code": { customer: "epam" } },
    });
    expect(tasks).toHaveLength(1);
    expect(taskSchema.parse(tasks[0])).toMatchObject({
      project: "codemie-code",
      customer: "epam",
      agent: "codex",
      started_at: "2026-01-02T16:39:49.758Z",
      ended_at: "2026-01-02T16:39:58.730Z",
    });
  });

  it("carries the model and running total from one read to the next", async () => {
    const home = mkdtempSync(join(tmpdir(), "tl-codex-"));
    mkdirSync(join(home, "sessions"));
    const path = join(home, "sessions", `rollout-${SESSION}.jsonl`);
    const lines = readFileSync(ROLLOUT, "utf8").split("\n");
    writeFileSync(path, `${lines.slice(0, 18).join("\n")}\n`);
    const first = await importCodex({ dirs: [home] });
    appendFileSync(path, lines.slice(18).join("\n"));
    const second = await importCodex({ dirs: [home], previous: first.files });
    const parts = new StoreLike().add(first).add(second);
    const whole = new StoreLike().add(
      await importCodex({ dirs: [CODEX_HOME] }),
    );
    expect([...parts.usage.values()]).toEqual([...whole.usage.values()]);
    expect(second.usage.length).toBeGreaterThan(0);
    expect(
      second.usage.every((u) => u.model === "gpt-5-1-codex-2025-11-13"),
    ).toBe(true);
  });

  it("skips a broken line, names it, and keeps the rest", async () => {
    const home = mkdtempSync(join(tmpdir(), "tl-codex-bad-"));
    mkdirSync(join(home, "archived_sessions"));
    const path = join(home, "archived_sessions", `rollout-${SESSION}.jsonl`);
    const lines = readFileSync(ROLLOUT, "utf8").split("\n");
    lines.splice(
      10,
      0,
      '{"timestamp":"2026-01-02T16:39:50.000Z","type":"event_m',
    );
    writeFileSync(path, lines.join("\n"));
    const result = await importCodex({ env: { CODEX_HOME: home } });
    expect(result.problems.details).toEqual([
      {
        kind: "malformed",
        file: path,
        line: 11,
        reason: "not a JSON object (truncated line?)",
      },
    ]);
    expect(result.usage).toHaveLength(3);
  });
});
