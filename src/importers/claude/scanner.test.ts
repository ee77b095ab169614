import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TRANSCRIPTS } from "../../../test/importers/fixture-roots.js";
import { totalTokens } from "../../pricing/tokens.js";
import { ProblemLog } from "../problems.js";
import type { ResponseUsage } from "../response.js";
import type { ScanTarget } from "../scan-target.js";
import { claudeScanner } from "./scanner.js";
import { readClaudeObject } from "./usage-line.js";

const TARGET: ScanTarget = {
  importer: "claude",
  path: "s.jsonl",
  size: 0,
  index: 0,
  project: "p",
  session: "s",
  session_from_line: false,
  incremental: false,
  resume: null,
};

/** What the scanner finds in `text`, fed in one chunk. */
function scan(text: string, target = TARGET) {
  const problems = new ProblemLog();
  const scanner = claudeScanner(target, 0, problems);
  const buf = Buffer.from(text);
  scanner.lines(buf, 0, buf.length);
  return { responses: scanner.finish().responses, problems: problems.report() };
}

/** The same, the slow way: every line parsed whole. */
function reference(text: string, target = TARGET): ResponseUsage[] {
  const found = new Map<string, ResponseUsage>();
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const reading = readClaudeObject(JSON.parse(line));
    if (reading.kind !== "usage" || !reading.line.messageId) return;
    const { line: usage } = reading;
    const key = `claude:${usage.messageId}:${usage.requestId ?? ""}`;
    const kept = found.get(key);
    if (kept && totalTokens(usage.tokens) <= totalTokens(kept)) return;
    found.set(key, {
      key,
      session: target.session_from_line
        ? (usage.sessionId ?? target.session)
        : target.session,
      project: target.project,
      at: usage.at,
      model: usage.model,
      ...usage.tokens,
      file: target.index,
      line: i + 1,
      cost_usd: usage.costUSD,
      request_id: usage.requestId,
    });
  });
  return [...found.values()];
}

function claudeLogs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return claudeLogs(path);
    return name.endsWith(".jsonl") && !path.includes("codex") ? [path] : [];
  });
}

const usage = { input_tokens: 3, output_tokens: 5 };
const at = "2025-10-01T10:00:00.000Z";
const assistant = (id: string, extra: object = {}, tokens: object = usage) =>
  JSON.stringify({
    sessionId: "s",
    message: { model: "m", id, type: "message", content: [], usage: tokens },
    requestId: `req_${id}`,
    type: "assistant",
    uuid: `u-${id}`,
    timestamp: at,
    ...extra,
  });

/** Lines that look like usage to a byte search but are not, and kin. */
const TRICKY = [
  // A tool result in a user line: its usage is the sub-agent's, counted
  // from the sub-agent's own file.
  JSON.stringify({
    type: "user",
    message: { role: "user", content: [{ type: "tool_result" }] },
    toolUseResult: { usage: { input_tokens: 700, output_tokens: 80 } },
    timestamp: at,
  }),
  // The same with the line's type written last.
  JSON.stringify({
    message: { role: "user", content: [{ type: "tool_result" }] },
    toolUseResult: { usage: { input_tokens: 701, output_tokens: 80 } },
    timestamp: at,
    type: "user",
  }),
  // A sub-agent's response replayed inside a progress line.
  JSON.stringify({
    type: "progress",
    data: { message: JSON.parse(assistant("msg_replayed")) },
    timestamp: at,
  }),
  // The type first, then the message.
  JSON.stringify({
    type: "assistant",
    message: { model: "m", id: "msg_typed", content: [], usage },
    timestamp: at,
  }),
  // The id and model after the content, and usage keys in another order.
  JSON.stringify({
    message: {
      content: [{ type: "text", text: 'say "usage":{"input_tokens":9}' }],
      usage: { output_tokens: 4, input_tokens: 2 },
      id: "msg_late",
      model: "m",
    },
    type: "assistant",
    timestamp: at,
  }),
  // A cost before the message, and a content block with usage of its own.
  JSON.stringify({
    costUSD: 0.5,
    message: {
      model: "m",
      id: "msg_cost",
      content: [{ type: "server_tool_result", usage: { input_tokens: 50 } }],
      usage: { input_tokens: 6, output_tokens: 7 },
    },
    type: "assistant",
    timestamp: at,
  }),
  // Spaces between the tokens, as another writer might put them.
  JSON.stringify(JSON.parse(assistant("msg_spaced")), null, 1).replaceAll(
    "\n",
    "",
  ),
  // Streamed lines of one response: equal repeats, then a larger one.
  assistant("msg_s", { uuid: "a" }),
  assistant("msg_s", { uuid: "b", timestamp: "2025-10-01T10:00:01.000Z" }),
  assistant("msg_s", { uuid: "c" }, { input_tokens: 3, output_tokens: 50 }),
  assistant("msg_s", { uuid: "d" }, { input_tokens: 3, output_tokens: 9 }),
  // Non-ASCII text around the usage, and in the model's name.
  assistant("msg_ü", { note: "日本語" }),
  // Bedrock: no request id.
  assistant("msg_bdrk", { requestId: undefined }),
  "",
];

describe("claudeScanner", () => {
  it.each(claudeLogs(TRANSCRIPTS).map((path) => [path]))(
    "finds what parsing every line finds in %s",
    (path) => {
      const text = readFileSync(path, "utf8");
      const { responses, problems } = scan(text);
      expect(responses).toEqual(reference(text));
      expect(problems.malformed_lines).toBe(0);
    },
  );

  it("finds what parsing every line finds in lines made to mislead", () => {
    const text = TRICKY.join("\n");
    const { responses, problems } = scan(text);
    expect(responses).toEqual(reference(text));
    expect(responses.map((r) => [r.key, r.output_tokens])).toEqual([
      ["claude:msg_typed:", 5],
      ["claude:msg_late:", 4],
      ["claude:msg_cost:", 7],
      ["claude:msg_spaced:req_msg_spaced", 5],
      ["claude:msg_s:req_msg_s", 50],
      ["claude:msg_ü:req_msg_ü", 5],
      ["claude:msg_bdrk:", 5],
    ]);
    expect(responses[2]?.cost_usd).toBe(0.5);
    expect(problems.malformed_lines).toBe(0);
  });

  it("takes each line's session in old sub-agent files", () => {
    const target = { ...TARGET, session_from_line: true };
    const text = TRICKY.join("\n");
    expect(scan(text, target).responses).toEqual(reference(text, target));
  });

  it("counts broken lines as malformed, whatever their type", () => {
    const cut = assistant("msg_cut").slice(0, -30);
    const text = [
      cut,
      '{"type":"user","message":{"role":"user","cont',
      assistant("msg_bad", {}, { input_tokens: -1, output_tokens: 2 }),
      assistant("msg_ok"),
    ].join("\n");
    const { responses, problems } = scan(text);
    expect(responses.map((r) => r.key)).toEqual(["claude:msg_ok:req_msg_ok"]);
    expect(problems.details.map((p) => [p.line, p.reason])).toEqual([
      [1, expect.stringMatching(/^not valid JSON/)],
      [2, "not a JSON object (truncated line?)"],
      [3, "message.usage.input_tokens must be a non-negative integer, got -1"],
    ]);
  });
});
