import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lognormal, seeded } from "../../src/demo/random.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "tokenledger-replay-"));

/**
 * A replay the way paired agent runs arrive: every task with its usage and
 * cost, treated tasks with an intervention that carries no baseline, held
 * tasks with a holdout. The tooling cuts a treated task's cost by 30%.
 */
function replay(project: string, tasks: number, seed: number) {
  const random = seeded(seed);
  const rows: object[] = [];
  let trueSaving = 0;
  for (let i = 0; i < tasks; i++) {
    const id = `${project}-${i}`;
    const at = new Date(Date.UTC(2026, 5, 1) + i * 60_000).toISOString();
    const without = Math.round(lognormal(random, 50_000, 1.2));
    const held = random() < 0.3;
    const tokens = held ? without : Math.round(without * 0.7);
    if (!held) trueSaving += without - tokens;
    rows.push({ kind: "task", correlation_id: id, project, started_at: at });
    rows.push({
      kind: "usage",
      correlation_id: id,
      model: "claude-sonnet-4-20250514",
      at,
      input_tokens: Math.round(tokens * 0.2),
      output_tokens: tokens - Math.round(tokens * 0.2),
      cost_usd: (tokens * 3e-6).toFixed(6),
    });
    const mark = {
      correlation_id: id,
      source: "context_optimization",
      type: "compress",
      at,
    };
    rows.push({ kind: held ? "holdout" : "intervention", ...mark });
  }
  return { rows, trueSaving };
}

async function report(db: string, project: string) {
  const run = await runCli([
    "report",
    "--db",
    db,
    "--project",
    project,
    "--json",
  ]);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout);
  return json.savings_by_source.find(
    (s: { source: string }) => s.source === "context_optimization",
  );
}

describe("report on treated and held-out tasks", () => {
  it("estimates a source with no baseline from its holdouts", async () => {
    const db = join(dir, "replay.db");
    const { rows, trueSaving } = replay("p1", 300, 11);
    const file = join(dir, "p1.ndjson");
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n"));
    expect((await runCli(["ingest", file, "--db", db])).code).toBe(0);
    const s = await report(db, "p1");
    expect(s.method).toMatch(/holdout/);
    expect(s.evidence.holdout.held).toBeGreaterThan(60);
    expect(s.evidence.prior_only).toBe(false);
    expect(s.tokens_saved_low).toBeLessThan(trueSaving);
    expect(s.tokens_saved_high).toBeGreaterThan(trueSaving);
    expect(s.conservative_low).toBeLessThan(s.tokens_saved_low);
    expect(s.cost_saved_usd_low).toBeLessThan(s.cost_saved_usd_high);
    expect(s.confidence).toBeGreaterThan(0);
  });

  it("changes when new holdouts arrive", async () => {
    const db = join(dir, "grow.db");
    const { rows } = replay("p2", 200, 5);
    const half = rows.slice(0, 300);
    writeFileSync(
      join(dir, "half.ndjson"),
      half.map((r) => JSON.stringify(r)).join("\n"),
    );
    writeFileSync(
      join(dir, "all.ndjson"),
      rows.map((r) => JSON.stringify(r)).join("\n"),
    );
    await runCli(["ingest", join(dir, "half.ndjson"), "--db", db]);
    const before = await report(db, "p2");
    await runCli(["ingest", join(dir, "all.ndjson"), "--db", db]);
    const after = await report(db, "p2");
    expect(after.evidence.holdout.held).toBeGreaterThan(
      before.evidence.holdout.held,
    );
    expect(after.tokens_saved).not.toBe(before.tokens_saved);
  });
});

describe("report with observations", () => {
  it("uses error cycles measured in transcripts for hook corrections", async () => {
    const db = join(dir, "observed.db");
    const at = "2026-06-01T10:00:00Z";
    const rows = [
      { kind: "task", correlation_id: "h1", project: "p3", started_at: at },
      {
        kind: "usage",
        correlation_id: "h1",
        model: "m",
        at,
        input_tokens: 9_000,
        output_tokens: 1_000,
        cost_usd: "0.03",
      },
      {
        kind: "intervention",
        correlation_id: "h1",
        source: "hook_correction",
        type: "url_fix",
        at,
      },
    ];
    const file = join(dir, "observed.ndjson");
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n"));
    await runCli(["ingest", file, "--db", db]);
    const hook = async () => {
      const run = await runCli([
        "report",
        "--db",
        db,
        "--project",
        "p3",
        "--json",
      ]);
      return JSON.parse(run.stdout).savings_by_source[0];
    };
    const before = await hook();
    expect(before.evidence).toMatchObject({
      prior_only: true,
      observational: 0,
    });
    const seen = {
      kind: "observation",
      source: "hook_correction",
      type: "url_fix",
      method: "transcript",
      value_tokens: 20_000,
      n: 40,
    };
    await runCli(["ingest", "-", "--db", db], { input: JSON.stringify(seen) });
    const after = await hook();
    expect(after.evidence.prior_only).toBe(false);
    expect(after.evidence.observational).toBeGreaterThan(0);
    expect(after.tokens_saved).toBeGreaterThan(before.tokens_saved);
  });
});
