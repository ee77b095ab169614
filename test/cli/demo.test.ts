import { describe, expect, it } from "vitest";
import { SOURCES } from "../../src/domain/sources.js";
import { runCli } from "../helpers/cli.js";

describe("tokenledger demo", () => {
  it("says its data is simulated and reports every source", async () => {
    const run = await runCli(["demo"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("SIMULATED DATA")).toBe(true);
    for (const source of SOURCES) expect(run.stdout).toContain(source);
    expect(run.stdout).toMatch(/^total\s+[\d,]+\s+[\d,]+/m);
    expect(run.stderr).toMatch(/simulated records: accepted \d+, rejected 0/);
  });

  it("gives the same figures every time, as JSON too", async () => {
    const [a, b] = await Promise.all([
      runCli(["demo", "--json"]),
      runCli(["demo", "--json"]),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    expect(report.simulated).toBe(true);
    const total = report.total;
    expect(total.tokens_saved_low).toBeLessThanOrEqual(total.tokens_saved);
    expect(total.tokens_saved).toBeLessThanOrEqual(total.tokens_saved_high);
    const parts = report.savings_by_source.reduce(
      (sum: number, s: { tokens_saved: number }) => sum + s.tokens_saved,
      0,
    );
    expect(parts).toBe(total.tokens_saved);
  });
});
