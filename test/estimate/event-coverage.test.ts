import { describe, expect, it } from "vitest";
import { type Coverage, measureCoverage } from "./harness/coverage.js";
import { eventReplay } from "./harness/event-replay.js";

const pick = (source: string) => source === "hook_correction";

function report(name: string, c: { tokens: Coverage; micros: Coverage }) {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const [unit, u] of Object.entries(c)) {
    console.log(
      `${name} ${unit}: ${u.replays} replays, 80% interval covers ` +
        `${pct(u.covered)} (below ${pct(u.below)}, above ${pct(u.above)}), ` +
        `conservative bound below truth ${pct(u.conservativeBelow)}`,
    );
  }
}

const run = (
  seed: number,
  replays: number,
  stress: boolean,
  holdRate: number,
) =>
  measureCoverage((rng) => eventReplay(rng, { stress, holdRate }), pick, {
    seed,
    replays,
    draws: 300,
  });

/** Coverage of several scenarios together, weighted by their replays. */
function pooled(list: readonly Coverage[]): number {
  const replays = list.reduce((a, c) => a + c.replays, 0);
  return list.reduce((a, c) => a + c.covered * c.replays, 0) / replays;
}

describe("error cycles × cycle cost with biased transcripts", () => {
  it("covers about 80% when the model is right", () => {
    const alone = run(20_260_201, 800, false, 0);
    const withHoldouts = run(20_260_202, 600, false, 0.2);
    report("events", alone);
    report("events with holdouts", withHoldouts);
    for (const unit of ["tokens", "micros"] as const) {
      const both = [alone[unit], withHoldouts[unit]];
      console.log(`events pooled ${unit}: ${pooled(both).toFixed(3)}`);
      expect(pooled(both)).toBeGreaterThanOrEqual(0.775);
      expect(pooled(both)).toBeLessThanOrEqual(0.825);
      for (const c of both) {
        expect(c.covered).toBeGreaterThanOrEqual(0.75);
        expect(c.covered).toBeLessThanOrEqual(0.85);
        expect(c.conservativeBelow).toBeGreaterThanOrEqual(0.9);
      }
    }
  });

  it("stays at 70% or more with 1.5 times the bias and spread allowed", () => {
    const c = run(20_260_203, 600, true, 0);
    report("events stress", c);
    for (const u of [c.tokens, c.micros]) {
      expect(u.covered).toBeGreaterThanOrEqual(0.7);
      expect(u.conservativeBelow).toBeGreaterThanOrEqual(0.9);
    }
  });
});
