import { describe, expect, it } from "vitest";
import { DEFAULT_ESTIMATE_CONFIG } from "../config/defaults.js";
import { resolveEstimateConfig } from "../config/resolve.js";
import { assignHoldout, holdoutBucket } from "./assign.js";
import { holdoutRateBps } from "./rate.js";
import { sampleRatioCheck } from "./sample-ratio.js";

const key = (correlationId: string) => ({
  salt: "s",
  source: "hook_correction",
  type: "url_fix",
  correlationId,
});

describe("assignHoldout", () => {
  it("hashes keys to fixed buckets", () => {
    expect(holdoutBucket(key("task-1"))).toBe(122);
    expect(assignHoldout(key("task-1"), 122)).toBe("treat");
    expect(assignHoldout(key("task-1"), 123)).toBe("hold");
  });

  it("holds out close to the rate", () => {
    let held = 0;
    for (let i = 0; i < 20_000; i += 1) {
      if (assignHoldout(key(`id-${i}`), 1000) === "hold") held += 1;
    }
    expect(held / 20_000).toBeCloseTo(0.1, 2);
  });

  it("never holds at 0 and always at 10000", () => {
    expect(assignHoldout(key("x"), 0)).toBe("treat");
    expect(assignHoldout(key("x"), 10_000)).toBe("hold");
  });

  it("depends on every part of the key", () => {
    const base = holdoutBucket(key("x"));
    const others = [
      { ...key("x"), salt: "t" },
      { ...key("x"), source: "failure_avoidance" },
      { ...key("x"), type: "path_correction" },
    ].map(holdoutBucket);
    expect(others.every((b) => b !== base)).toBe(true);
  });

  it("rejects a rate that is not whole basis points", () => {
    expect(() => assignHoldout(key("x"), 2.5)).toThrow(/basis points/);
  });
});

describe("holdoutRateBps", () => {
  it("prefers the type's rate, then the source's, then the default", () => {
    const config = resolveEstimateConfig({
      holdout: {
        sourceRateBps: { hook_correction: 200 },
        typeRateBps: { "hook_correction/url_fix": 50 },
      },
    });
    expect(holdoutRateBps(config, "hook_correction", "url_fix")).toBe(50);
    expect(holdoutRateBps(config, "hook_correction", "path_fix")).toBe(200);
    expect(holdoutRateBps(DEFAULT_ESTIMATE_CONFIG, "pattern_usage", "x")).toBe(
      500,
    );
  });
});

describe("sampleRatioCheck", () => {
  it("accepts a split near the rate", () => {
    const check = sampleRatioCheck(950, 50, 500, 0.001);
    expect(check.p_value).toBeCloseTo(1, 5);
    expect(check.mismatch).toBe(false);
  });

  it("flags a split far from the rate", () => {
    const check = sampleRatioCheck(800, 200, 500, 0.001);
    expect(check.p_value).toBeLessThan(1e-6);
    expect(check.mismatch).toBe(true);
  });

  it("flags holdouts where none were configured", () => {
    expect(sampleRatioCheck(10, 1, 0, 0.001).mismatch).toBe(true);
    expect(sampleRatioCheck(0, 0, 500, 0.001).mismatch).toBe(false);
  });
});
