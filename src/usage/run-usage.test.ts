import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CCUSAGE,
  CODEX_HOME,
  codemieRoot,
  VIEWER_ROOT,
} from "../../test/importers/fixture-roots.js";
import { ConfigError } from "../domain/errors.js";
import { runUsage } from "./run-usage.js";

function ccusage(name: string) {
  return JSON.parse(readFileSync(join(CCUSAGE, name), "utf8")) as {
    totals: Record<string, number>;
  };
}

describe("runUsage", () => {
  it("reports nothing read as nothing spent, not as unpriced", async () => {
    const root = mkdtempSync(join(tmpdir(), "tl-empty-"));
    mkdirSync(join(root, "projects"));
    const { report } = await runUsage({ report: "daily", dirs: [root] });
    expect(report).toEqual({
      daily: [],
      totals: {
        input_tokens: 0,
        output_tokens: 0,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        total_tokens: 0,
        cost_usd: 0,
        models: [],
        unpriced_models: [],
        unpriced: [],
      },
    });
  });

  it("daily totals equal ccusage's session totals, not its daily ones", async () => {
    const { report } = await runUsage({
      report: "daily",
      dirs: [codemieRoot()],
    });
    const session = ccusage("codemie.session.json").totals;
    expect(report.totals).toMatchObject({
      input_tokens: session.inputTokens,
      output_tokens: session.outputTokens,
      cache_write_tokens: session.cacheCreationTokens,
      cache_read_tokens: session.cacheReadTokens,
      total_tokens: session.totalTokens,
    });
    // ccusage's own daily view counts streamed Bedrock lines more than once.
    expect(ccusage("codemie.daily.json").totals.inputTokens).toBe(107_310);
    expect(session.inputTokens).toBe(44_883);
    const cost = report.totals.cost_usd ?? 0;
    expect(Math.abs(cost - (session.totalCost ?? 0)) / cost).toBeLessThan(
      0.001,
    );
  });

  it("groups by local day in the chosen time zone", async () => {
    const utc = await runUsage({
      report: "daily",
      dirs: [VIEWER_ROOT],
      timezone: "UTC",
    });
    const la = await runUsage({
      report: "daily",
      dirs: [VIEWER_ROOT],
      timezone: "America/Los_Angeles",
    });
    const days = (run: typeof utc) =>
      "daily" in run.report ? run.report.daily.map((d) => d.date) : [];
    expect(days(utc)).toEqual(["2025-09-03", "2025-09-07"]);
    expect(days(la)).toEqual(["2025-09-02", "2025-09-07"]);
    expect(la.timezone).toBe("America/Los_Angeles");
    expect(la.report.totals).toEqual(utc.report.totals);
  });

  it("filters by date and project, and reports months and sessions", async () => {
    const root = codemieRoot();
    const monthly = await runUsage({
      report: "monthly",
      dirs: [root],
      since: "20260101",
    });
    expect(
      "monthly" in monthly.report && monthly.report.monthly.map((m) => m.month),
    ).toEqual(["2026-01"]);
    const sessions = await runUsage({
      report: "session",
      dirs: [root],
      project: "incremental-simple",
      until: "2026-01-15",
    });
    expect("sessions" in sessions.report && sessions.report.sessions).toEqual([
      expect.objectContaining({
        session_id: "turn-1",
        project: "incremental-simple",
        first_activity: "2026-01-15T17:24:36.769Z",
        last_activity: "2026-01-15T17:24:36.769Z",
        input_tokens: 10,
        output_tokens: 574,
        models: ["claude-sonnet-4-5-20250929"],
      }),
      expect.objectContaining({ session_id: "turn-2", input_tokens: 54 }),
    ]);
  });

  it("leaves unpriced models out of the cost and lists their tokens", async () => {
    const root = mkdtempSync(join(tmpdir(), "tl-unpriced-"));
    mkdirSync(join(root, "projects/p"), { recursive: true });
    const line = (model: string, id: string) =>
      JSON.stringify({
        message: {
          id,
          model,
          content: [],
          usage: { input_tokens: 1000, output_tokens: 10 },
        },
        type: "assistant",
        timestamp: "2025-10-01T10:00:00Z",
      });
    const lines = [
      line("mystery-model", "m1"),
      line("claude-sonnet-4-20250514", "m2"),
    ];
    writeFileSync(join(root, "projects/p/s.jsonl"), `${lines.join("\n")}\n`);
    const { report } = await runUsage({ report: "daily", dirs: [root] });
    expect(report.totals).toMatchObject({
      cost_usd: 0.00315,
      unpriced_models: ["mystery-model"],
      unpriced: [
        expect.objectContaining({ model: "mystery-model", input_tokens: 1000 }),
      ],
    });
  });

  it("reads Codex rollouts too, priced as ccusage prices them", async () => {
    const { report } = await runUsage({
      report: "session",
      agent: "codex",
      dirs: [CODEX_HOME],
    });
    const [session] = "sessions" in report ? report.sessions : [];
    expect(session).toMatchObject({
      session_id: "019b7f94-51b4-7593-922e-ba12b5b73b52",
      project: "codemie-code",
      input_tokens: 7626,
      output_tokens: 300,
      cache_read_tokens: 14848,
      total_tokens: 22774,
      models: ["gpt-5-1-codex-2025-11-13"],
    });
    // ccusage 20.0.24: costUSD 0.0143885 ($1.25 input, $0.125 cached, $10
    // out); each of our three requests is rounded to a whole micro-dollar.
    expect(session?.cost_usd).toBe(0.01439);
  });

  it("reports progress until every file is read", async () => {
    const seen: number[] = [];
    await runUsage(
      { report: "daily", dirs: [VIEWER_ROOT] },
      { onProgress: (p) => seen.push(p.files_total - p.files_done) },
    );
    expect(seen).toEqual([2, 1, 0]);
  });

  it("rejects bad options with what it expected", async () => {
    await expect(runUsage({ report: "daily", since: "June" })).rejects.toThrow(
      new ConfigError(
        'usage option since: expected a date like 2025-06-01 or 20250601, got "June"',
      ),
    );
    await expect(
      runUsage({ report: "daily", timezone: "Mars/Base" }),
    ).rejects.toThrow(
      'timezone: expected an IANA time zone like Europe/Paris or UTC, got "Mars/Base"',
    );
  });
});
