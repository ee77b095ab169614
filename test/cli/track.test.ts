import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "tokenledger-track-"));

async function rows(
  db: string,
  table: "token_savings_hook_interventions" | "tasks",
) {
  const store = await openStore(db);
  try {
    return await store.db.selectFrom(table).selectAll().execute();
  } finally {
    await store.close();
  }
}

describe("tokenledger track", () => {
  it("takes the specification's call as written", async () => {
    const db = join(dir, "spec.db");
    const run = await runCli([
      "track",
      "--db",
      db,
      "--correlation-id",
      "8b2c",
      "--source",
      "hook_correction",
      "--intervention-type",
      "password_correction",
      "--description",
      "Corrected PostgreSQL password from .env",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[0-9a-f]{32}\n$/);
    expect(await rows(db, "token_savings_hook_interventions")).toMatchObject([
      {
        correlation_id: "8b2c",
        intervention_type: "password_correction",
        intervention_description: "Corrected PostgreSQL password from .env",
        estimated_tokens_saved: 12_000,
        confidence: 0.8,
      },
    ]);
  });

  it("is counted by a report though its task was never recorded", async () => {
    const db = join(dir, "alone.db");
    const tracked = await runCli([
      "track",
      "--db",
      db,
      "--correlation-id",
      "session-1",
      "--source",
      "hook_correction",
      "--intervention-type",
      "password_correction",
      "--description",
      "Corrected PostgreSQL password from .env",
      "--at",
      "2026-03-02T10:00:00Z",
    ]);
    expect(tracked.code).toBe(0);
    const hook = async (...flags: string[]) => {
      const run = await runCli(["report", "--db", db, "--json", ...flags]);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as {
        savings_by_source: {
          source: string;
          tokens_saved?: number;
          evidence: unknown;
        }[];
      };
      return report.savings_by_source.find(
        (s) => s.source === "hook_correction",
      );
    };
    const all = await hook();
    // P(error) × 12K − overhead, from the specification's prior alone.
    expect(all?.tokens_saved).toBeGreaterThan(5_000);
    expect(all?.tokens_saved).toBeLessThan(12_000);
    expect(all?.evidence).toMatchObject({
      prior_only: true,
      tasks_missing_usage: 1,
    });
    expect((await hook("--since", "2026-03-02"))?.tokens_saved).toBe(
      all?.tokens_saved,
    );
    // It belongs to no project, and to its own day.
    expect((await hook("--project", "web"))?.tokens_saved).toBeUndefined();
    expect((await hook("--since", "2026-03-03"))?.tokens_saved).toBeUndefined();
  });

  it("records an idempotency key once, and the task when asked", async () => {
    const db = join(dir, "keys.db");
    const args = [
      "track",
      "--db",
      db,
      "--id",
      "k-1",
      "--correlation-id",
      "t",
      "--project",
      "web",
    ];
    const call = [
      ...args,
      "--source",
      "pattern_usage",
      "--pattern-name",
      "CartReducer",
      "--json",
    ];
    expect(JSON.parse((await runCli(call)).stdout)).toEqual({
      id: "k-1",
      stored: true,
    });
    expect(JSON.parse((await runCli(call)).stdout)).toEqual({
      id: "k-1",
      stored: false,
    });
    expect(await rows(db, "tasks")).toMatchObject([
      { correlation_id: "t", project: "web" },
    ]);
  });

  it("names the flag that is wrong", async () => {
    const base = [
      "track",
      "--db",
      join(dir, "bad.db"),
      "--correlation-id",
      "t",
    ];
    const cases: [string[], string][] = [
      [
        ["--source", "pattern_usage"],
        "--pattern-name: expected a non-empty string",
      ],
      [
        ["--source", "hook_correction", "--type", "x", "--confidence", "high"],
        '--confidence: expected a number, got "high"',
      ],
      [
        [
          "--source",
          "context_optimization",
          "--type",
          "x",
          "--pattern-name",
          "p",
        ],
        "--pattern-name: expected no such field",
      ],
      [["--source", "nope"], "--source: expected one of hook_correction"],
    ];
    for (const [args, expected] of cases) {
      const run = await runCli([...base, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(expected);
    }
  });
});
