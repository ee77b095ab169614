import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { taskSchema, usageSchema } from "../../src/domain/records.js";
import { importClaude } from "../../src/importers/claude/import.js";
import {
  CODEMIE_SESSIONS,
  codemieRoot,
  emptyRoot,
  VIEWER_ROOT,
} from "./fixture-roots.js";
import { StoreLike } from "./store-like.js";

describe("importClaude on real Claude Code logs", () => {
  it("gives records that validate against the ledger's schemas", async () => {
    const result = await importClaude({ dirs: [VIEWER_ROOT] });
    expect(result.usage).toHaveLength(197);
    for (const record of result.usage) usageSchema.parse(record);
    for (const task of result.tasks) taskSchema.parse(task);
    expect(result.problems.malformed_lines).toBe(0);
  });

  it("counts each response once with its final usage (ccusage agrees)", async () => {
    const store = new StoreLike().add(
      await importClaude({ dirs: [VIEWER_ROOT] }),
    );
    expect(Object.fromEntries(store.sessions())).toEqual({
      "fe5e1c67-53e7-4862-81ae-d0e013e3270b": {
        input: 818,
        output: 51933,
        write: 137976,
        read: 3647854,
      },
      "5c0375b4-57a5-4f26-b12d-d022ee4e51b7": {
        input: 129,
        output: 3629,
        write: 47747,
        read: 324259,
      },
      "1af7fc5e-8455-4414-9ccd-011d40f70b2a": {
        input: 93,
        output: 953,
        write: 12698,
        read: 103219,
      },
    });
  });

  it("keys Bedrock responses (no requestId) by message id alone", async () => {
    const result = await importClaude({ dirs: [codemieRoot()] });
    const bedrock = result.usage.filter(
      (u) => u.correlation_id === "session-3fe1b6bc",
    );
    expect(bedrock).toHaveLength(67);
    expect(
      bedrock.every(
        (u) => u.id?.startsWith("claude:msg_bdrk_") && u.id.endsWith(":"),
      ),
    ).toBe(true);
    expect(bedrock.some((u) => "request_id" in u)).toBe(false);
    // Three streamed lines say 8, 8 and 511 output tokens: 511 is final.
    const streamed = result.usage.find(
      (u) => u.id === "claude:msg_bdrk_01VM4thvLD5XPnExh4wMDu8Z:",
    );
    expect(streamed?.output_tokens).toBe(511);
  });

  it("rolls sub-agents into their parent session, both layouts", async () => {
    const store = new StoreLike().add(
      await importClaude({ dirs: [codemieRoot()] }),
    );
    // Old layout: agent-*.jsonl beside the session, parent named inside.
    const parent = [...store.usage.values()].filter(
      (u) => u.correlation_id === "4c2ddfdc-b619-4525-8d03-1950fb1b0257",
    );
    expect(new Set(parent.map((u) => u.model))).toEqual(
      new Set([
        "claude-sonnet-4-5-20250929",
        "converse/jp.anthropic.claude-haiku-4-5-20251001-v1:0",
      ]),
    );
    expect(
      store.sessions().get("4c2ddfdc-b619-4525-8d03-1950fb1b0257"),
    ).toEqual({
      input: 16914,
      output: 1046,
      write: 54148,
      read: 214627,
    });
    // New layout: <session>/subagents/agent-*.jsonl. Two fixture folders
    // hold a `turn-1`: 82 + 5233 (main + sub-agent) and 10.
    expect(store.sessions().get("turn-1")?.input).toBe(82 + 5233 + 10);
  });

  it("never adds up two snapshots of one growing session", async () => {
    const { root, dir } = emptyRoot();
    const path = join(dir, "e9fb405b.jsonl");
    const turn = (n: number) =>
      readFileSync(
        join(CODEMIE_SESSIONS, `claude/incremental-subagents/turn-${n}.jsonl`),
      );
    writeFileSync(path, turn(1));
    const store = new StoreLike();
    const first = await importClaude({ dirs: [root] });
    store.add(first);
    writeFileSync(path, turn(2));
    store.add(await importClaude({ dirs: [root], previous: first.files }));
    const alone = new StoreLike().add(await importClaude({ dirs: [root] }));
    expect(store.sessions()).toEqual(alone.sessions());
    expect(alone.sessions().get("e9fb405b")).toEqual({
      input: 537,
      output: 10099,
      write: 157962,
      read: 223343,
    });
  });

  it("keeps 1-hour cache writes apart and carries a logged cost", async () => {
    const { root, dir } = emptyRoot();
    const usage = {
      input_tokens: 5,
      output_tokens: 7,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 300,
      cache_creation: {
        ephemeral_5m_input_tokens: 200,
        ephemeral_1h_input_tokens: 100,
      },
    };
    const line = {
      sessionId: "s",
      message: {
        id: "msg_1",
        model: "claude-opus-4-1-20250805",
        content: [],
        usage,
      },
      costUSD: 0.25,
      requestId: "req_1",
      type: "assistant",
      timestamp: "2025-10-01T10:00:00Z",
    };
    writeFileSync(join(dir, "s.jsonl"), `${JSON.stringify(line)}\n`);
    const [record] = (await importClaude({ dirs: [root] })).usage;
    expect(record).toMatchObject({
      id: "claude:msg_1:req_1",
      correlation_id: "s",
      input_tokens: 5,
      output_tokens: 7,
      cache_read_tokens: 100,
      cache_write_5m_tokens: 200,
      cache_write_1h_tokens: 100,
      cost_usd: 0.25,
      request_id: "req_1",
      at: "2025-10-01T10:00:00.000Z",
    });
  });

  it("names projects and customers from a folder map", async () => {
    const result = await importClaude({
      dirs: [VIEWER_ROOT],
      projects: { "sample-project": { project: "viewer", customer: "acme" } },
    });
    expect(result.tasks).toContainEqual({
      kind: "task",
      id: "task:claude-code:1af7fc5e-8455-4414-9ccd-011d40f70b2a",
      correlation_id: "1af7fc5e-8455-4414-9ccd-011d40f70b2a",
      project: "viewer",
      customer: "acme",
      agent: "claude-code",
      started_at: "2025-09-03T00:47:24.652Z",
      ended_at: "2025-09-03T00:47:52.264Z",
    });
  });

  it("keeps the first of equal streamed lines and the largest of all", async () => {
    const { root, dir } = emptyRoot();
    const line = (output: number, second: number) =>
      JSON.stringify({
        sessionId: "s",
        message: {
          id: "msg_1",
          model: "claude-sonnet-4-20250514",
          content: [{ type: "text", text: `part ${second}` }],
          usage: { input_tokens: 3, output_tokens: output },
        },
        requestId: "req_1",
        type: "assistant",
        uuid: `u${second}`,
        timestamp: `2025-10-01T10:00:0${second}.000Z`,
      });
    const lines = [line(1, 1), line(1, 2), line(9, 3), line(9, 4), line(2, 5)];
    writeFileSync(join(dir, "s.jsonl"), `${lines.join("\n")}\n`);
    const { usage } = await importClaude({ dirs: [root] });
    expect(usage.map((u) => [u.output_tokens, u.at])).toEqual([
      [9, "2025-10-01T10:00:03.000Z"],
    ]);
  });
});
