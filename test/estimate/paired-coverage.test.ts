import { describe, expect, it } from "vitest";
import { type Coverage, measureCoverage } from "./harness/coverage.js";
import { pairedReplay } from "./harness/paired-replay.js";

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

describe("paired replays judged like the checker", () => {
  it("covers the true saving about 80% of the time", () => {
    const c = measureCoverage(
      (rng) => pairedReplay(rng, { stress: false }),
      pick,
      {
        seed: 20_260_101,
        replays: 1600,
        draws: 300,
      },
    );
    report("paired", c);
    for (const u of [c.tokens, c.micros]) {
      expect(u.covered).toBeGreaterThanOrEqual(0.775);
      expect(u.covered).toBeLessThanOrEqual(0.825);
      expect(u.conservativeBelow).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("stays honest on small projects with a few held-out tasks", () => {
    const c = measureCoverage(
      (rng) => pairedReplay(rng, { stress: false, small: true }),
      pick,
      {
        seed: 20_260_103,
        replays: 800,
        draws: 300,
      },
    );
    report("paired small", c);
    for (const u of [c.tokens, c.micros]) {
      expect(u.covered).toBeGreaterThanOrEqual(0.7);
      expect(u.conservativeBelow).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("stays at 70% or more under stress", () => {
    const c = measureCoverage(
      (rng) => pairedReplay(rng, { stress: true }),
      pick,
      {
        seed: 20_260_102,
        replays: 800,
        draws: 300,
      },
    );
    report("paired stress", c);
    for (const u of [c.tokens, c.micros]) {
      expect(u.covered).toBeGreaterThanOrEqual(0.7);
      expect(u.conservativeBelow).toBeGreaterThanOrEqual(0.9);
    }
  });
});
