import {
  appendFileSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importClaude } from "../../src/importers/claude/import.js";
import { fileStateSchema } from "../../src/importers/file-state-schema.js";
import { CODEMIE_SESSIONS, emptyRoot, VIEWER_ROOT } from "./fixture-roots.js";
import { StoreLike } from "./store-like.js";

const SESSION = join(
  VIEWER_ROOT,
  "projects/sample-project/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl",
);

function assistant(id: string, output: number, at: string): string {
  const usage = { input_tokens: 10, output_tokens: output };
  return `${JSON.stringify({
    sessionId: "s",
    message: { id, model: "claude-sonnet-4-20250514", content: [], usage },
    requestId: `req_${id}`,
    type: "assistant",
    timestamp: at,
  })}\n`;
}

describe("incremental Claude imports", () => {
  it("leave a half-written line for next time, then read only the rest", async () => {
    const { root, dir } = emptyRoot();
    const path = join(dir, "s.jsonl");
    const bytes = readFileSync(SESSION);
    const cut = bytes.indexOf(10, bytes.length / 2) + 200;
    writeFileSync(path, bytes.subarray(0, cut));
    const first = await importClaude({ dirs: [root] });
    expect(first.problems.malformed_lines).toBe(0);
    expect(first.files[0]?.size).toBe(cut);
    expect(first.files[0]?.offset).toBe(bytes.lastIndexOf(10, cut - 1) + 1);
    appendFileSync(path, bytes.subarray(cut));
    // The store keeps states as JSON; they must come back whole.
    const stored = JSON.parse(JSON.stringify(first.files)) as unknown[];
    const previous = stored.map((state) => fileStateSchema.parse(state));
    const second = await importClaude({ dirs: [root], previous });
    expect(second.problems.malformed_lines).toBe(0);
    expect(second.stats.bytes_read).toBe(
      bytes.length - (first.files[0]?.offset ?? 0),
    );
    const whole = new StoreLike().add(
      await importClaude({ dirs: [VIEWER_ROOT] }),
    );
    const parts = new StoreLike().add(first).add(second);
    expect(parts.sessions().get("s")).toEqual(
      whole.sessions().get("1af7fc5e-8455-4414-9ccd-011d40f70b2a"),
    );
  });

  it("end a response that straddles two reads with its final usage", async () => {
    const { root, dir } = emptyRoot();
    const path = join(dir, "s.jsonl");
    writeFileSync(path, assistant("msg_a", 2, "2025-10-01T10:00:00Z"));
    const first = await importClaude({ dirs: [root] });
    appendFileSync(path, assistant("msg_a", 400, "2025-10-01T10:00:03Z"));
    const second = await importClaude({ dirs: [root], previous: first.files });
    expect(second.usage.map((u) => [u.id, u.output_tokens])).toEqual([
      ["claude:msg_a:req_msg_a", 400],
    ]);
    const store = new StoreLike().add(first).add(second);
    expect(store.sessions().get("s")?.output).toBe(400);
  });

  it("do not open an unchanged tree", async () => {
    const first = await importClaude({ dirs: [VIEWER_ROOT] });
    const again = await importClaude({
      dirs: [VIEWER_ROOT],
      previous: first.files,
    });
    expect(again.stats).toMatchObject({
      files_seen: 3,
      files_read: 0,
      files_unchanged: 3,
      bytes_read: 0,
      responses: 0,
    });
    expect(again.files).toEqual(first.files);
  });

  it("read a truncated or replaced file again from the start", async () => {
    const { root, dir } = emptyRoot();
    const path = join(dir, "s.jsonl");
    writeFileSync(path, assistant("msg_a", 5, "2025-10-01T10:00:00Z"));
    appendFileSync(path, assistant("msg_b", 6, "2025-10-01T10:00:01Z"));
    const first = await importClaude({ dirs: [root] });
    truncateSync(path, 0);
    appendFileSync(path, assistant("msg_c", 7, "2025-10-01T10:00:02Z"));
    const shrunk = await importClaude({ dirs: [root], previous: first.files });
    expect(shrunk.usage.map((u) => u.id)).toEqual(["claude:msg_c:req_msg_c"]);
    const other = join(dir, "new.tmp");
    writeFileSync(
      other,
      assistant("msg_d", 8, "2025-10-01T10:00:03Z").repeat(3),
    );
    renameSync(other, path);
    const replaced = await importClaude({
      dirs: [root],
      previous: shrunk.files,
    });
    expect(replaced.usage.map((u) => u.id)).toEqual(["claude:msg_d:req_msg_d"]);
    expect(replaced.stats.bytes_read).toBe(readFileSync(path).length);
  });

  it("notice a file rewritten with different bytes where the last read ended", async () => {
    // The two snapshots of one sub-agent differ from line 23 on: a progress
    // line was inserted. Reading on from the old offset would split a line.
    const snapshot = (n: number) =>
      readFileSync(
        join(
          CODEMIE_SESSIONS,
          `claude/incremental-subagents/turn-${n}/subagents/agent-a485154.jsonl`,
        ),
      );
    const { root, dir } = emptyRoot();
    const path = join(dir, "agent-a485154.jsonl");
    writeFileSync(path, snapshot(1));
    const first = await importClaude({ dirs: [root] });
    writeFileSync(path, snapshot(2));
    const second = await importClaude({ dirs: [root], previous: first.files });
    expect(second.problems.malformed_lines).toBe(0);
    expect(second.stats.bytes_read).toBe(snapshot(2).length);
  });
});
