import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { backends } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";
import { dumpTables } from "../helpers/dump.js";
import { HOLDOUTS, INTERVENTIONS, TASKS, USAGE } from "../store/sample.js";

const dir = mkdtempSync(join(tmpdir(), "tokenledger-cli-"));
const valid = [...TASKS, ...USAGE, ...INTERVENTIONS, ...HOLDOUTS].map((r) =>
  JSON.stringify(r),
);
const lines = [
  ...valid,
  valid[3] ?? "",
  "",
  '{"kind":"usage","correlation_id":"c1","model":"m","at":"2026-03-02T10:00:00Z","input_tokens":-3,"output_tokens":1}',
  "{not json",
  '{"kind":"intervention","correlation_id":"c9","source":"hook_correction","type":"url_fix","color":"red"}',
  '{"kind":"task","correlation_id":"c1","project":"elsewhere"}',
];
const file = join(dir, "records.ndjson");
writeFileSync(file, `${lines.join("\n")}\n`);

async function tables(target: string) {
  const store = await openStore(target);
  try {
    return await dumpTables(store);
  } finally {
    await store.close();
  }
}

describe.each(backends())("tokenledger ingest into $name", (backend) => {
  afterAll(() => backend.cleanup());

  it("stores valid lines, names bad ones, and changes nothing the second time", async () => {
    const db = await backend.fresh();
    const first = await runCli(["ingest", file, "--db", db, "--json"]);
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({
      accepted: valid.length,
      duplicates: 1,
      rejected: 4,
    });
    expect(summary.errors).toEqual([
      `${file}:14: input_tokens: expected a non-negative integer, got -3`,
      expect.stringMatching(new RegExp(`^${file}:15: not valid JSON`)),
      expect.stringMatching(
        new RegExp(`^${file}:16: color: expected no such field`),
      ),
      `${file}:17: task c1 is already recorded with project "web", got "elsewhere"`,
    ]);
    const before = await tables(db);
    const second = await runCli(["ingest", file, "--db", db]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `accepted 0, duplicates ${valid.length + 1}, rejected 4`,
    );
    expect(await tables(db)).toEqual(before);
  });

  it("counts nothing twice when two processes ingest the same file at once", async () => {
    const once = await backend.fresh();
    await runCli(["ingest", file, "--db", once]);
    const twice = await backend.fresh();
    const runs = await Promise.all(
      [1, 2].map(() => runCli(["ingest", file, "--db", twice, "--json"])),
    );
    const accepted = runs.map((r) => JSON.parse(r.stdout).accepted);
    expect(accepted[0] + accepted[1]).toBe(valid.length);
    expect(await tables(twice)).toEqual(await tables(once));
  });

  it("reads stdin and reports per source", async () => {
    const db = await backend.fresh();
    const run = await runCli(["ingest", "-", "--db", db], {
      input: valid.join("\n"),
    });
    expect(run.code).toBe(0);
    const report = await runCli([
      "report",
      "--db",
      db,
      "--project",
      "web",
      "--json",
    ]);
    const json = JSON.parse(report.stdout);
    expect(
      json.savings_by_source.map((s: { source: string }) => s.source),
    ).toEqual([
      "hook_correction",
      "manifest_intelligence",
      "pattern_usage",
      "prompt_cache",
    ]);
    // password_correction 12K; manifest: baseline 0.086 complexity x 50K
    // + 2 patterns x 25K + 1 schema x 5K + 15K debug = 74.3K, minus 12K
    // actual; an Effect pattern 30K.
    const claimed = json.savings_by_source.map(
      (s: { claimed_tokens_saved: number }) => s.claimed_tokens_saved,
    );
    expect(claimed).toEqual([12_000, 62_300, 30_000, 0]);
    // 1,000 cache-read tokens of Sonnet 4 at $0.30/M instead of $3/M.
    const cache = json.savings_by_source.at(-1);
    expect(cache).toMatchObject({
      method: expect.stringMatching(/measured/),
      cost_saved_usd: 0.0027,
    });
    expect(json.total).toMatchObject({ method: expect.any(String) });
    for (const s of json.savings_by_source) {
      expect(s.tokens_saved_low).toBeLessThanOrEqual(s.tokens_saved);
      expect(s.tokens_saved).toBeLessThanOrEqual(s.tokens_saved_high);
      expect(s.evidence.model_version).toBe(json.model_version);
    }
  });
});

describe("tokenledger ingest errors", () => {
  it("names a file it cannot read", async () => {
    const run = await runCli([
      "ingest",
      join(dir, "missing.ndjson"),
      "--db",
      join(dir, "e.db"),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot read .*missing\.ndjson: ENOENT/);
  });

  it("says what is wrong with the command line", async () => {
    const run = await runCli(["ingest"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ingest needs a FILE or - for stdin");
  });
});
