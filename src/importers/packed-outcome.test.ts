import { describe, expect, it } from "vitest";
import { packOutcome, unpackOutcome } from "./packed-outcome.js";
import { type ResponseUsage, responseUsage } from "./response.js";
import type { ScanOutcome } from "./scan-target.js";

const response = (key: string, more: Partial<ResponseUsage> = {}) =>
  responseUsage({
    key,
    session: "s",
    project: "p",
    at: Date.parse("2025-10-01T10:00:00Z"),
    model: "claude-sonnet-4-5",
    input_tokens: 3,
    output_tokens: 2 ** 40,
    cache_read_tokens: 0,
    cache_write_5m_tokens: 7,
    cache_write_1h_tokens: 1,
    cost_usd: undefined,
    request_id: undefined,
    file: 4,
    line: 12,
    ...more,
  });

describe("packed outcomes", () => {
  it("come back as they were sent", () => {
    const outcome: ScanOutcome = {
      path: "/logs/a.jsonl",
      responses: [
        response("claude:msg_1:req_1", { request_id: "req_1", cost_usd: 0.25 }),
        response("claude:msg_2:", { session: "t", model: "m", line: 13 }),
        response("codex:s:1:2:3", { project: "/src/app", cost_usd: 0 }),
      ],
      problems: {
        malformed_lines: 1,
        unreadable_files: 0,
        unkeyed_lines: 2,
        details: [
          { kind: "malformed", file: "/logs/a.jsonl", line: 9, reason: "x" },
        ],
      },
      state: null,
      bytes_read: 4096,
    };
    const packed = packOutcome(outcome);
    expect(packed.names).toEqual([
      "s",
      "p",
      "claude-sonnet-4-5",
      "t",
      "m",
      "/src/app",
    ]);
    const copy = structuredClone(packed, { transfer: [packed.numbers.buffer] });
    expect(unpackOutcome(copy)).toEqual(outcome);
  });

  it("carry a file with no responses", () => {
    const outcome: ScanOutcome = {
      path: "/logs/b.jsonl",
      responses: [],
      problems: {
        malformed_lines: 0,
        unreadable_files: 1,
        unkeyed_lines: 0,
        details: [],
      },
      state: null,
      bytes_read: 0,
    };
    expect(unpackOutcome(packOutcome(outcome))).toEqual(outcome);
  });
});
