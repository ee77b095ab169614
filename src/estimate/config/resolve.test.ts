import { describe, expect, it } from "vitest";
import { ConfigError } from "../../domain/errors.js";
import { DEFAULT_ESTIMATE_CONFIG } from "./defaults.js";
import { resolveEstimateConfig } from "./resolve.js";
import { estimateConfigSchema } from "./schema.js";

describe("resolveEstimateConfig", () => {
  it("accepts its own defaults and freezes them", () => {
    expect(
      estimateConfigSchema.safeParse(DEFAULT_ESTIMATE_CONFIG).success,
    ).toBe(true);
    expect(Object.isFrozen(DEFAULT_ESTIMATE_CONFIG.errorCycle.costs)).toBe(
      true,
    );
    expect(
      Object.isFrozen(DEFAULT_ESTIMATE_CONFIG.patternDiscovery.tiers[0]),
    ).toBe(true);
  });

  it("merges an override key by key", () => {
    const config = resolveEstimateConfig({
      errorCycle: { costs: { url_fix: 9000, sql_fix: 7000 } },
      holdout: { typeRateBps: { "hook_correction/url_fix": 1000 } },
    });
    expect(config.errorCycle.costs.url_fix).toBe(9000);
    expect(config.errorCycle.costs.sql_fix).toBe(7000);
    expect(config.errorCycle.costs.password_correction).toBe(12_000);
    expect(config.holdout.defaultRateBps).toBe(500);
    expect(Object.isFrozen(config.errorCycle.costs)).toBe(true);
    expect(DEFAULT_ESTIMATE_CONFIG.errorCycle.costs.url_fix).toBe(8000);
  });

  it("replaces arrays instead of merging them", () => {
    const config = resolveEstimateConfig({
      failureCycle: { tiers: [{ match: "timeout", tokens: 9000 }] },
    });
    expect(config.failureCycle.tiers).toEqual([
      { match: "timeout", tokens: 9000 },
    ]);
  });

  it("names the bad key", () => {
    expect(() => resolveEstimateConfig({ eventCv: -1 })).toThrow(ConfigError);
    expect(() => resolveEstimateConfig({ eventCv: -1 })).toThrow(/`eventCv`/);
    expect(() =>
      resolveEstimateConfig({
        errorCycle: { range: { low: 15_000, high: 10_000 } },
      }),
    ).toThrow(/`errorCycle.range`: low must be below high/);
  });

  it("names an unknown key", () => {
    expect(() => resolveEstimateConfig({ bias: { holdouts: 0.1 } })).toThrow(
      /`bias`.*holdouts/,
    );
  });
});
