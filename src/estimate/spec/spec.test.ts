import { describe, expect, it } from "vitest";
import { resolveEstimateConfig } from "../config/resolve.js";
import { baselineTaskCost } from "./baseline.js";
import { complexityConfidence, taskComplexity } from "./complexity.js";
import {
  errorCycleCost,
  failureCycleCost,
  patternDiscoveryCost,
} from "./cycle-costs.js";
import { failureTier, patternTier } from "./tiers.js";

describe("the specification's point models", () => {
  it.each([
    ["password_correction", 12_000],
    ["url_fix", 8_000],
    ["env_var_fix", 10_000],
    ["path_correction", 6_000],
    ["anything_else", 10_000],
    ["constructor", 10_000],
  ])("an error cycle of %s costs %i", (type, tokens) => {
    expect(errorCycleCost(type)).toBe(tokens);
  });

  it.each([
    ["WorkflowOrchestrator", "orchestrator", 45_000],
    ["NodeStateManagerEffect", "effect", 30_000],
    ["ComputeReducer", "compute", 25_000],
    ["StateReducer", "reducer", 28_000],
    ["HelperUtil", "default", 20_000],
  ])("pattern %s is tier %s at %i tokens", (name, tier, tokens) => {
    expect(patternTier(name)).toBe(tier);
    expect(patternDiscoveryCost(name)).toBe(tokens);
  });

  it.each([
    ["Permission denied writing file", "permission", 15_000],
    ["network timeout", "network", 12_000],
    ["SyntaxError: unexpected token", "syntax", 5_000],
    ["Write without Read", "default", 10_000],
  ])("failure %s is tier %s at %i tokens", (pattern, tier, tokens) => {
    expect(failureTier(pattern)).toBe(tier);
    expect(failureCycleCost(pattern)).toBe(tokens);
  });

  it("scores complexity by length and keywords", () => {
    expect(taskComplexity("")).toBe(0);
    expect(taskComplexity("Implement and debug the design")).toBeCloseTo(
      (30 / 1000 + 3 / 8) / 2,
    );
    expect(taskComplexity("x".repeat(5000))).toBe(0.5);
  });

  it("lowers confidence with complexity", () => {
    expect(complexityConfidence(0)).toBe(1);
    expect(complexityConfidence(1)).toBeCloseTo(0.7);
    expect(complexityConfidence(2)).toBeCloseTo(0.7);
  });

  it("adds up the baseline task cost", () => {
    const inputs = {
      complexity: 0.5,
      patternsProvided: 2,
      schemasProvided: 3,
      debugIntelligence: true,
    };
    expect(baselineTaskCost(inputs)).toBe(25_000 + 50_000 + 15_000 + 15_000);
    expect(baselineTaskCost({ ...inputs, debugIntelligence: false })).toBe(
      90_000,
    );
  });

  it("reads its constants from the configuration", () => {
    const config = resolveEstimateConfig({
      errorCycle: { costs: { url_fix: 1 } },
    });
    expect(errorCycleCost("url_fix", config)).toBe(1);
  });
});
