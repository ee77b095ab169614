import { describe, expect, it } from "vitest";
import {
  baselineTaskCost,
  complexityConfidence,
  errorCycleCost,
  failureCycleCost,
  patternDiscoveryCost,
  taskComplexity,
} from "./spec-models.js";

describe("the specification's point models", () => {
  it("prices error cycles, patterns and failures by their tiers", () => {
    expect(errorCycleCost("password_correction")).toBe(12_000);
    expect(errorCycleCost("something_else")).toBe(10_000);
    expect(patternDiscoveryCost("EffectOrchestrator")).toBe(45_000);
    expect(patternDiscoveryCost("ComputeReducer")).toBe(25_000);
    expect(patternDiscoveryCost("helper")).toBe(20_000);
    expect(failureCycleCost("Permission denied")).toBe(15_000);
    expect(failureCycleCost("typo")).toBe(10_000);
  });

  it("scores complexity from length and the eight keywords", () => {
    expect(taskComplexity("")).toBe(0);
    expect(taskComplexity("x".repeat(2000))).toBe(0.5);
    const all =
      "implement architecture refactor optimize debug analyze design integrate";
    expect(taskComplexity(all)).toBeCloseTo((all.length / 1000 + 1) / 2);
    expect(complexityConfidence(1)).toBeCloseTo(0.7);
  });

  it("adds discovery costs to the base cost", () => {
    const m = { patterns: 2, schemas: 3, debugIntelligence: true };
    expect(baselineTaskCost(0.5, m)).toBe(25_000 + 50_000 + 15_000 + 15_000);
  });
});
