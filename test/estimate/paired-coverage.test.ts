import { describe, expect, it } from "vitest";
import { type Coverage, measureCoverage } from "./harness/coverage.js";
import { type PairedOptions, pairedReplay } from "./harness/paired-replay.js";

const pick = (source: string) => source === "context_optimization";

function report(name: string, c: { tokens: Coverage; micros: Coverage }) {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const [unit, u] of Object.entries(c)) {
    console.log(
      `${name} ${unit}: ${u.replays} replays, 80% interval covers ` +
        `${pct(u.covered)} (below ${pct(u.below)}, above ${pct(u.above)}), ` +
        `conservative bound below truth ${pct(u.conservativeBelow)}, ` +
        `median |error| ${pct(u.medianError)}`,
    );
  }
}

function measure(
  name: string,
  options: PairedOptions,
  seed: number,
  replays: number,
) {
  const c = measureCoverage((rng) => pairedReplay(rng, options), pick, {
    seed,
    replays,
    draws: 300,
  });
  report(name, c);
  return [c.tokens, c.micros];
}

describe("paired replays judged like the checker", () => {
  it("covers the true saving about 80% of the time", () => {
    for (const u of measure("paired", { stress: false }, 20_260_101, 1600)) {
      expect(u.covered).toBeGreaterThanOrEqual(0.775);
      expect(u.covered).toBeLessThanOrEqual(0.825);
      expect(u.conservativeBelow).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("stays honest on small projects with a few held-out tasks", () => {
    const small = { stress: false, small: true };
    for (const u of measure("paired small", small, 20_260_103, 800)) {
      expect(u.covered).toBeGreaterThanOrEqual(0.7);
      expect(u.conservativeBelow).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("stays at 70% or more under stress", () => {
    for (const u of measure(
      "paired stress",
      { stress: true },
      20_260_102,
      800,
    )) {
      expect(u.covered).toBeGreaterThanOrEqual(0.7);
      expect(u.conservativeBelow).toBeGreaterThanOrEqual(0.9);
    }
  });
});
