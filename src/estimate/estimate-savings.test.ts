import { describe, expect, it } from "vitest";
import type { InterventionSource } from "../domain/sources.js";
import { DEFAULT_ESTIMATE_CONFIG } from "./config/defaults.js";
import { estimateSavings } from "./estimate-savings.js";
import type {
  DetailValue,
  EstimateInput,
  EstimateIntervention,
  EstimateTask,
  SavingsEstimate,
} from "./types.js";

const task = (
  id: string,
  tokens: number,
  micros: number | null = tokens * 3,
): EstimateTask => ({
  correlation_id: id,
  project: "p",
  customer: "c",
  tokens,
  cost_usd_micros: micros,
  started_at: null,
});

const intervention = (
  id: string,
  source: InterventionSource,
  type: string,
  detail: Record<string, DetailValue> = {},
): EstimateIntervention => ({
  id: `i-${id}-${source}-${type}`,
  correlation_id: id,
  source,
  type,
  at: "2026-01-01T00:00:00.000Z",
  estimated_tokens_saved: null,
  detail,
});

const ids = (n: number, prefix = "t") =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const run = (input: EstimateInput, seed = 1): SavingsEstimate =>
  estimateSavings(input, DEFAULT_ESTIMATE_CONFIG, { seed, draws: 500 });

const sourceOf = (e: SavingsEstimate, source: string) => {
  const found = e.sources.find((s) => s.source === source);
  if (found === undefined) throw new Error(`no ${source} in the estimate`);
  return found;
};

function hooks(n: number): EstimateInput {
  return {
    tasks: ids(n).map((id) => task(id, 30_000)),
    interventions: ids(n).map((id) =>
      intervention(id, "hook_correction", "url_fix", {
        intervention_type: "url_fix",
      }),
    ),
    holdouts: [],
  };
}

describe("estimateSavings", () => {
  it("gives the same figures for the same seed", () => {
    expect(run(hooks(20), 5)).toEqual(run(hooks(20), 5));
    expect(run(hooks(20), 5).tokens_saved_low).not.toBe(
      run(hooks(20), 6).tokens_saved_low,
    );
  });

  it("estimates hook corrections from the specification when nothing else is known", () => {
    const hook = sourceOf(run(hooks(20)), "hook_correction");
    expect(hook.tokens_saved).toBeGreaterThan(20 * 4000);
    expect(hook.tokens_saved).toBeLessThan(20 * 8000);
    expect(hook.tokens_saved_low).toBeLessThan(hook.tokens_saved);
    expect(hook.tokens_saved_high).toBeGreaterThan(hook.tokens_saved);
    expect(hook.conservative_low).toBeLessThanOrEqual(hook.tokens_saved_low);
    expect(hook.evidence.prior_only).toBe(true);
    expect(hook.method).toMatch(/specification prior only/);
    expect(hook.cost_saved_micros).toBe(Math.round(hook.cost_saved_usd * 1e6));
  });

  it("learns cycle costs from transcripts", () => {
    const prior = sourceOf(run(hooks(20)), "hook_correction");
    const observations = ids(40).map(() => ({
      source: "hook_correction" as const,
      type: "url_fix",
      kind: "transcript" as const,
      value_tokens: 20_000,
    }));
    const learned = sourceOf(
      run({ ...hooks(20), observations }),
      "hook_correction",
    );
    expect(learned.tokens_saved).toBeGreaterThan(prior.tokens_saved * 1.3);
    expect(learned.evidence.observational).toBe(40);
    expect(learned.evidence.prior_only).toBe(false);
  });

  it("computes measured context optimizations", () => {
    const input: EstimateInput = {
      tasks: ids(10).map((id) => task(id, 50_000)),
      interventions: ids(10).map((id) =>
        intervention(id, "context_optimization", "direct_write", {
          baseline_tokens: 6000,
          actual_tokens: 2000,
        }),
      ),
      holdouts: [],
    };
    const co = sourceOf(run(input), "context_optimization");
    expect(co.tokens_saved).toBe(40_000);
    expect(co.tokens_saved_high - co.tokens_saved_low).toBeLessThan(20_000);
    expect(co.evidence.measured_events).toBe(10);
  });

  it("uses the task's usage when actual tokens were recorded as 0", () => {
    const input: EstimateInput = {
      tasks: [task("a", 20_000)],
      interventions: [
        intervention("a", "agent_specialization", "db", {
          estimated_generic_tokens: 30_000,
          actual_tokens: 0,
        }),
      ],
      holdouts: [],
    };
    expect(sourceOf(run(input), "agent_specialization").tokens_saved).toBe(
      10_000,
    );
  });

  it("estimates a type with only holdouts from the holdouts alone", () => {
    const treated = ids(200, "t");
    const held = ids(40, "h");
    const input: EstimateInput = {
      tasks: [
        ...treated.map((id, i) => task(id, 6000 + (i % 7) * 1000)),
        ...held.map((id, i) => task(id, 12_000 + (i % 7) * 2000)),
      ],
      interventions: treated.map((id) =>
        intervention(id, "context_optimization", "minimal_logging"),
      ),
      holdouts: held.map((id) => ({
        correlation_id: id,
        source: "context_optimization" as const,
        type: "minimal_logging",
      })),
    };
    const co = sourceOf(run(input), "context_optimization");
    const actual = treated.reduce((a, _, i) => a + 6000 + (i % 7) * 1000, 0);
    expect(co.tokens_saved / actual).toBeCloseTo(1, 1);
    expect(co.method).toMatch(/holdouts .* alone$/);
    expect(co.evidence.holdout).toEqual({ treated: 200, held: 40 });
    expect(co.types[0]?.sample_ratio?.mismatch).toBe(true);
  });

  it("reports a negative saving when the tooling costs more", () => {
    const input: EstimateInput = {
      tasks: [
        ...ids(50, "t").map((id) => task(id, 20_000)),
        ...ids(50, "h").map((id) => task(id, 10_000)),
      ],
      interventions: ids(50, "t").map((id) =>
        intervention(id, "manifest_intelligence", "full"),
      ),
      holdouts: ids(50, "h").map((id) => ({
        correlation_id: id,
        source: "manifest_intelligence" as const,
        type: "full",
      })),
    };
    expect(run(input).tokens_saved).toBeLessThan(0);
  });

  it("splits overlapping claims so the parts add up", () => {
    const input: EstimateInput = {
      tasks: ids(10).map((id) => task(id, 20_000)),
      interventions: ids(10).flatMap((id) => [
        intervention(id, "agent_specialization", "db", {
          estimated_generic_tokens: 40_000,
        }),
        intervention(id, "manifest_intelligence", "full", {
          estimated_baseline_tokens: 40_000,
        }),
      ]),
      holdouts: [],
    };
    const e = run(input);
    expect(e.gross.tokens_saved).toBe(400_000);
    expect(e.tokens_saved).toBeLessThan(e.gross.tokens_saved);
    expect(e.sources.reduce((a, s) => a + s.tokens_saved, 0)).toBe(
      e.tokens_saved,
    );
    expect(e.sources.reduce((a, s) => a + s.cost_saved_micros, 0)).toBe(
      e.cost_saved_micros,
    );
    expect(e.sources.reduce((a, s) => a + s.gross.tokens_saved, 0)).toBe(
      e.gross.tokens_saved,
    );
  });

  it("measures prompt caching exactly", () => {
    const e = estimateSavings(
      {
        tasks: [task("a", 1000)],
        interventions: [],
        holdouts: [],
        cache: [
          {
            correlation_id: "a",
            model: "m",
            cache_read_tokens: 1_000_000,
            cache_write_5m_tokens: 100_000,
            cache_write_1h_tokens: 0,
          },
        ],
      },
      DEFAULT_ESTIMATE_CONFIG,
      {
        seed: 1,
        draws: 100,
        cachePrices: () => ({
          input: 3e6,
          cache_read: 0.3e6,
          cache_write_5m: 3.75e6,
          cache_write_1h: 6e6,
        }),
      },
    );
    const cache = sourceOf(e, "prompt_cache");
    expect(cache.cost_saved_micros).toBe(2_700_000 - 75_000);
    expect(cache.cost_saved_usd).toBe(2.625);
    expect(cache.tokens_saved).toBe(875_000);
    expect(cache.tokens_saved_low).toBe(cache.tokens_saved_high);
  });

  it("names the model version and method everywhere", () => {
    const e = run(hooks(5));
    expect(e.model_version).toBe(DEFAULT_ESTIMATE_CONFIG.modelVersion);
    expect(e.method).toMatch(/Monte Carlo/);
    expect(e.evidence.interventions).toBe(5);
    expect(e.sources[0]?.types[0]?.type).toBe("url_fix");
  });

  it("rejects a bad seed or draw count", () => {
    expect(() =>
      estimateSavings(hooks(1), DEFAULT_ESTIMATE_CONFIG, { seed: 1.5 }),
    ).toThrow(/seed/);
    expect(() =>
      estimateSavings(hooks(1), DEFAULT_ESTIMATE_CONFIG, { seed: 1, draws: 3 }),
    ).toThrow(/draws/);
  });
});
