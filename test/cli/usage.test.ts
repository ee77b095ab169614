import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { usage } from "../../src/cli/commands/usage.js";
import { progressBar } from "../../src/cli/progress-bar.js";
import { runUsage, type UsageTotals } from "../../src/usage/index.js";
import { runCli } from "../helpers/cli.js";
import {
  CCUSAGE,
  CODEX_HOME,
  codemieRoot,
  copiedRoot,
  VIEWER_ROOT,
} from "../importers/fixture-roots.js";

interface CcusageTokens {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  totalTokens: number;
}

interface CcusageSession extends CcusageTokens {
  sessionId: string;
  projectPath: string;
}

interface Recorded {
  sessions: CcusageSession[];
  totals: CcusageTokens;
}

interface SessionRow extends UsageTotals {
  session_id: string;
  project: string;
}

interface DailyRow extends UsageTotals {
  date: string;
}

const SAMPLE = join(VIEWER_ROOT, "projects/sample-project");

function recorded(name: string): Recorded {
  return JSON.parse(readFileSync(join(CCUSAGE, name), "utf8"));
}

function theirs(t: CcusageTokens) {
  return {
    input_tokens: t.inputTokens,
    output_tokens: t.outputTokens,
    cache_write_tokens: t.cacheCreationTokens,
    cache_read_tokens: t.cacheReadTokens,
    total_tokens: t.totalTokens,
  };
}

function ours(t: UsageTotals) {
  return {
    input_tokens: t.input_tokens,
    output_tokens: t.output_tokens,
    cache_write_tokens: t.cache_write_tokens,
    cache_read_tokens: t.cache_read_tokens,
    total_tokens: t.total_tokens,
  };
}

function sum(rows: readonly ReturnType<typeof ours>[]) {
  return rows.reduce((a, b) => ({
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_write_tokens: a.cache_write_tokens + b.cache_write_tokens,
    cache_read_tokens: a.cache_read_tokens + b.cache_read_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
  }));
}

/** Runs `usage` and parses its JSON; it must succeed with nothing to say. */
async function usageJson<T>(args: readonly string[]): Promise<T> {
  const run = await runCli(["usage", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

type Sessions = { sessions: SessionRow[]; totals: UsageTotals };
type Daily = { daily: DailyRow[]; totals: UsageTotals };

function find(rows: readonly SessionRow[], project: string, id: string) {
  const row = rows.find((r) => r.project === project && r.session_id === id);
  if (!row) throw new Error(`no session ${project}/${id}`);
  return row;
}

describe("tokenledger usage session", () => {
  it("gives ccusage's totals for each Claude Code 1.0 session", async () => {
    const { sessions } = await usageJson<Sessions>([
      "session",
      "--dir",
      VIEWER_ROOT,
    ]);
    const expected = recorded("claude-code-viewer.session.json").sessions;
    expect(sessions).toHaveLength(expected.length);
    for (const s of expected) {
      const row = find(sessions, s.projectPath, s.sessionId);
      expect(ours(row)).toEqual(theirs(s));
    }
  });

  it("gives ccusage's totals for Bedrock sessions and sub-agents", async () => {
    const { sessions } = await usageJson<Sessions>([
      "session",
      "--dir",
      codemieRoot(),
    ]);
    const expected = recorded("codemie.session.json").sessions;
    // Old-style sub-agent files roll up into the session their lines
    // name; ccusage lists each as a session of its own.
    const agents = expected.filter((s) => s.sessionId.startsWith("agent-"));
    const parent = expected.filter((s) => s.sessionId.startsWith("4c2ddfdc"));
    for (const s of expected) {
      if (s.projectPath === "-tmp-private") continue;
      const row = find(sessions, s.projectPath, s.sessionId);
      expect(ours(row)).toEqual(theirs(s));
    }
    const rolled = find(
      sessions,
      "-tmp-private",
      "4c2ddfdc-b619-4525-8d03-1950fb1b0257",
    );
    expect(ours(rolled)).toEqual(sum([...parent, ...agents].map(theirs)));
    expect(sessions).toHaveLength(expected.length - agents.length);
  });

  it("reads a Codex rollout with --agent codex", async () => {
    const { sessions, totals } = await usageJson<Sessions>([
      "session",
      "--agent",
      "codex",
      "--dir",
      CODEX_HOME,
    ]);
    const expected = recorded("codemie-codex.session.json");
    expect(sessions).toHaveLength(1);
    expect(ours(totals)).toEqual(theirs(expected.totals));
    expect(totals.models).toEqual(["gpt-5-1-codex-2025-11-13"]);
    expect(totals.cost_usd).toBeGreaterThan(0);
  });
});

describe("tokenledger usage daily", () => {
  it("adds up to ccusage's session totals, each response once", async () => {
    const root = codemieRoot();
    const { daily, totals } = await usageJson<Daily>(["daily", "--dir", root]);
    const expected = theirs(recorded("codemie.session.json").totals);
    expect(ours(totals)).toEqual(expected);
    expect(sum(daily.map(ours))).toEqual(expected);
    const sessions = await usageJson<Sessions>(["session", "--dir", root]);
    expect(ours(sessions.totals)).toEqual(expected);
  });

  it("keeps only the days from --since to --until", async () => {
    const root = codemieRoot();
    const all = await usageJson<Daily>(["daily", "--dir", root]);
    const some = await usageJson<Daily>([
      "daily",
      "--dir",
      root,
      "--since",
      "2026-01-08",
      "--until",
      "20260111",
    ]);
    const inRange = all.daily.filter(
      (r) => r.date >= "2026-01-08" && r.date <= "2026-01-11",
    );
    // Both ends are days with usage: each is kept.
    expect(some.daily.map((r) => r.date)).toEqual(["2026-01-08", "2026-01-11"]);
    expect(all.daily.length).toBeGreaterThan(some.daily.length);
    expect(some.daily).toEqual(inRange);
    expect(ours(some.totals)).toEqual(sum(inRange.map(ours)));
  });

  it("counts days in the zone --timezone names", async () => {
    const root = codemieRoot();
    const days = async (zone: string) => {
      const args = ["daily", "--dir", root, "--timezone", zone];
      return usageJson<Daily>(args);
    };
    const utc = await days("UTC");
    const tokyo = await days("Asia/Tokyo");
    // ccusage recorded its daily view in UTC: the same days.
    const recordedDays = JSON.parse(
      readFileSync(join(CCUSAGE, "codemie.daily.json"), "utf8"),
    ).daily.map((d: { date: string }) => d.date);
    expect(utc.daily.map((r) => r.date)).toEqual(recordedDays);
    // 2026-01-02 15:43 UTC is already the 3rd in Tokyo.
    expect(tokyo.daily.map((r) => r.date)).toEqual([
      "2025-12-11",
      "2026-01-03",
      "2026-01-09",
      "2026-01-11",
      "2026-01-15",
      "2026-01-16",
    ]);
    expect(ours(tokyo.totals)).toEqual(ours(utc.totals));
  });

  it("prints a table with a totals line", async () => {
    const run = await runCli(["usage", "daily", "--dir", VIEWER_ROOT]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Date +Input +Output .+Cost \(USD\) +Models$/);
    expect(lines.at(-1)).toMatch(/^Total +1,040 +56,515 .+4,331,308 +\$2\.82$/);
  });
});

describe("tokenledger usage, bad input", () => {
  function brokenCopy() {
    const root = copiedRoot(SAMPLE, "sample-project");
    const file = join(
      root,
      "projects/sample-project/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl",
    );
    const lines = readFileSync(file, "utf8").split("\n");
    lines.splice(4, 0, '{"type":"assistant","message":{"id":');
    writeFileSync(file, lines.join("\n"));
    return { root, file };
  }

  it("counts a malformed line, lists it with --verbose, counts the rest", async () => {
    const { root, file } = brokenCopy();
    const quiet = await runCli(["usage", "daily", "--dir", root, "--json"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe(
      "skipped 1 malformed line (--verbose lists them)\n",
    );
    const whole = await usageJson<Daily>(["daily", "--dir", VIEWER_ROOT]);
    expect(JSON.parse(quiet.stdout)).toEqual(whole);
    const loud = await runCli(["usage", "daily", "--dir", root, "--verbose"]);
    expect(loud.code).toBe(0);
    expect(loud.stderr.split("\n")).toEqual([
      `${file}:5: not a JSON object (truncated line?)`,
      "skipped 1 malformed line",
      "read 3 of 3 files (926451 bytes) on 1 thread",
      "",
    ]);
  });

  it("warns about a model without a price, priced once configured", async () => {
    const root = copiedRoot(SAMPLE, "sample-project");
    const file = join(
      root,
      "projects/sample-project/5c0375b4-57a5-4f26-b12d-d022ee4e51b7.jsonl",
    );
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replaceAll("claude-sonnet-4-20250514", "in-house-1"),
    );
    const table = await runCli(["usage", "session", "--dir", root]);
    expect(table.code).toBe(0);
    expect(table.stderr).toMatch(
      /^warning: in-house-1 has no price; 375,764 tokens left out of the cost/,
    );
    const json = await runCli(["usage", "session", "--dir", root, "--json"]);
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout).totals.unpriced).toEqual([
      expect.objectContaining({ model: "in-house-1" }),
    ]);
    const config = join(mkdtempSync(join(tmpdir(), "tl-config-")), "c.json");
    const price = { input_mtok: 1, output_mtok: 2 };
    writeFileSync(
      config,
      JSON.stringify({ pricing: { models: { "in-house-1": price } } }),
    );
    const priced = await usageJson<Sessions>([
      "session",
      "--dir",
      root,
      "--config",
      config,
    ]);
    expect(priced.totals.unpriced_models).toEqual([]);
  });

  it("checks a settings file before reading any log", async () => {
    const config = join(mkdtempSync(join(tmpdir(), "tl-config-")), "c.json");
    writeFileSync(config, JSON.stringify({ pricing: {}, colour: "red" }));
    const bad = await runCli(["usage", "daily", "--dir", VIEWER_ROOT], {
      env: { TOKENLEDGER_CONFIG: config },
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^tokenledger: .*c\.json: .* colour\n$/);
    const missing = await runCli([
      "usage",
      "daily",
      "--dir",
      VIEWER_ROOT,
      "--config",
      `${config}.gone`,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^tokenledger: cannot read settings /);
  });

  it("counts the same on several threads as on one", async () => {
    // Four copies of the codemie logs (13 MiB), read by the command's own
    // worker threads: each response is in every copy and counts once.
    const root = mkdtempSync(join(tmpdir(), "tl-threads-"));
    for (const copy of ["a", "b", "c", "d"]) {
      cpSync(join(codemieRoot(), "projects"), join(root, "projects", copy), {
        recursive: true,
        dereference: true,
      });
    }
    const [run, one] = await Promise.all([
      runCli([
        "usage",
        "session",
        "--dir",
        root,
        "--threads",
        "3",
        "--json",
        "--verbose",
      ]),
      runUsage({ report: "session", dirs: [root], threads: 1 }),
    ]);
    expect(run.stderr).toMatch(
      /^read 48 of 48 files \(\d+ bytes\) on 3 threads\n$/,
    );
    const threads = JSON.parse(run.stdout) as Sessions;
    expect(threads).toEqual(JSON.parse(JSON.stringify(one.report)));
    expect(threads.totals).toEqual(
      (await usageJson<Sessions>(["session", "--dir", codemieRoot()])).totals,
    );
  });

  it("names the reports it knows, with exit status 2", async () => {
    const run = await runCli(["usage", "weekly", "--dir", VIEWER_ROOT]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'tokenledger: usage needs one of daily, monthly, session, got "weekly" ' +
        "(see: tokenledger usage --help)\n",
    );
  });

  it("says what a --timezone should look like", async () => {
    const run = await runCli([
      "usage",
      "daily",
      "--dir",
      VIEWER_ROOT,
      "--timezone",
      "Mars/Olympus",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      '--timezone: expected an IANA time zone like Europe/Paris or UTC, got "Mars/Olympus"',
    );
  });
});

describe("the progress bar", () => {
  it("is drawn on a terminal and wiped before the report", async () => {
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let talk = "";
    stderr.on("data", (d: Buffer) => {
      talk += d.toString();
    });
    stdout.resume();
    const io = { stdin: new PassThrough(), stdout, stderr, env: {} };
    const code = await usage.run(["daily", "--dir", VIEWER_ROOT], io);
    expect(code).toBe(0);
    const draws = talk.split("\r").filter(Boolean);
    expect(draws.at(-2)).toMatch(/^reading logs \[#+\] 100% 3\/3 files$/);
    expect(draws.at(-1)).toMatch(/^ +$/);
    expect(talk.endsWith("\r")).toBe(true);
  });

  it("is redrawn only when the percentage changes", () => {
    const out = new PassThrough();
    let text = "";
    out.on("data", (d: Buffer) => {
      text += d.toString();
    });
    const bar = progressBar(out);
    const at = (bytes_done: number, files_done: number) =>
      bar.update({ bytes_done, bytes_total: 1000, files_done, files_total: 4 });
    at(250, 1);
    at(251, 2);
    at(1000, 4);
    bar.clear();
    expect(text.split("\r").filter(Boolean)).toEqual([
      "reading logs [######------------------]  25% 1/4 files",
      "reading logs [########################] 100% 4/4 files",
      " ".repeat(54),
    ]);
  });
});
