import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SessionRow } from "../../src/usage/group.js";
import { runUsage } from "../../src/usage/run-usage.js";
import { CCUSAGE, codemieRoot, VIEWER_ROOT } from "./fixture-roots.js";

interface CcusageSession {
  sessionId: string;
  projectPath: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalTokens: number;
}

function recorded(name: string): CcusageSession[] {
  const text = readFileSync(join(CCUSAGE, name), "utf8");
  return (JSON.parse(text) as { sessions: CcusageSession[] }).sessions;
}

function tokens(s: CcusageSession) {
  return {
    input_tokens: s.inputTokens,
    output_tokens: s.outputTokens,
    cache_write_tokens: s.cacheCreationTokens,
    cache_read_tokens: s.cacheReadTokens,
    total_tokens: s.totalTokens,
  };
}

function ours(row: SessionRow) {
  return {
    input_tokens: row.input_tokens,
    output_tokens: row.output_tokens,
    cache_write_tokens: row.cache_write_tokens,
    cache_read_tokens: row.cache_read_tokens,
    total_tokens: row.total_tokens,
  };
}

async function sessionRows(dir: string): Promise<SessionRow[]> {
  const run = await runUsage({ report: "session", dirs: [dir] });
  if (!("sessions" in run.report)) throw new Error("expected sessions");
  return [...run.report.sessions];
}

function find(rows: SessionRow[], project: string, session: string) {
  const row = rows.find(
    (r) => r.project === project && r.session_id === session,
  );
  if (!row) throw new Error(`no session ${project}/${session}`);
  return row;
}

describe("per-session token totals equal ccusage 20.0.24's", () => {
  it("on three Claude Code 1.0 sessions (requestId, sidechains)", async () => {
    const rows = await sessionRows(VIEWER_ROOT);
    const expected = recorded("claude-code-viewer.session.json");
    expect(rows).toHaveLength(expected.length);
    for (const s of expected) {
      expect(ours(find(rows, s.projectPath, s.sessionId))).toEqual(tokens(s));
    }
  });

  it("on Bedrock sessions, snapshots and sub-agents", async () => {
    const rows = await sessionRows(codemieRoot());
    const expected = recorded("codemie.session.json");
    const oldStyleAgents = expected.filter((s) =>
      s.sessionId.startsWith("agent-"),
    );
    for (const s of expected) {
      if (s.projectPath === "-tmp-private") continue;
      expect(ours(find(rows, s.projectPath, s.sessionId))).toEqual(tokens(s));
    }
    // ccusage lists old-style sub-agent files as sessions of their own; we
    // roll them up into the parent session their lines name.
    const parent = expected.find((s) => s.sessionId.startsWith("4c2ddfdc"));
    const rolled = [parent, ...oldStyleAgents].map((s) =>
      tokens(s as CcusageSession),
    );
    const sum = rolled.reduce((a, b) => ({
      input_tokens: a.input_tokens + b.input_tokens,
      output_tokens: a.output_tokens + b.output_tokens,
      cache_write_tokens: a.cache_write_tokens + b.cache_write_tokens,
      cache_read_tokens: a.cache_read_tokens + b.cache_read_tokens,
      total_tokens: a.total_tokens + b.total_tokens,
    }));
    const row = find(
      rows,
      "-tmp-private",
      "4c2ddfdc-b619-4525-8d03-1950fb1b0257",
    );
    expect(ours(row)).toEqual(sum);
    expect(rows).toHaveLength(expected.length - oldStyleAgents.length);
  });
});
