import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERVENTION_SOURCES } from "../../src/domain/sources.js";
import { DEFAULT_ESTIMATE_CONFIG } from "../../src/estimate/config/defaults.js";
import { estimateSavings } from "../../src/estimate/estimate-savings.js";
import { normalDraw } from "../../src/estimate/random/draws.js";
import { createRng, type Rng } from "../../src/estimate/random/rng.js";
import type {
  EstimateInput,
  SavingsEstimate,
} from "../../src/estimate/types.js";

const estimate = (input: EstimateInput, seed = 1, draws = 100) =>
  estimateSavings(input, DEFAULT_ESTIMATE_CONFIG, { seed, draws });

const detailArb = fc.record(
  {
    baseline_tokens: fc.integer({ min: 0, max: 50_000 }),
    actual_tokens: fc.integer({ min: 0, max: 50_000 }),
    estimated_generic_tokens: fc.integer({ min: 0, max: 80_000 }),
    estimated_baseline_tokens: fc.integer({ min: 0, max: 80_000 }),
    patterns_provided: fc.integer({ min: 0, max: 3 }),
    pattern_name: fc.constantFrom("OrchestratorX", "effect", "plain"),
  },
  { requiredKeys: [] },
);

const inputArb: fc.Arbitrary<EstimateInput> = fc
  .record({
    tokens: fc.array(fc.integer({ min: 0, max: 200_000 }), {
      minLength: 1,
      maxLength: 25,
    }),
    interventions: fc.array(
      fc.record({
        task: fc.nat(),
        source: fc.constantFrom(...INTERVENTION_SOURCES),
        type: fc.constantFrom("a", "b"),
        detail: detailArb,
      }),
      { maxLength: 40 },
    ),
    holdouts: fc.array(
      fc.record({
        task: fc.nat(),
        source: fc.constantFrom(...INTERVENTION_SOURCES),
      }),
      {
        maxLength: 20,
      },
    ),
  })
  .map(({ tokens, interventions, holdouts }) => ({
    tasks: tokens.map((t, i) => ({
      correlation_id: `t${i}`,
      project: "p",
      customer: "c",
      tokens: t,
      cost_usd_micros: i % 3 === 0 ? null : t * 4,
      started_at: null,
    })),
    interventions: interventions.map((x, i) => ({
      id: `i${i}`,
      correlation_id: `t${x.task % tokens.length}`,
      source: x.source,
      type: x.type,
      at: "2026-01-01T00:00:00.000Z",
      estimated_tokens_saved: null,
      detail: x.detail,
    })),
    holdouts: holdouts.map((h) => ({
      correlation_id: `t${h.task % tokens.length}`,
      source: h.source,
      type: "a",
    })),
  }));

const sum = (
  e: SavingsEstimate,
  pick: (s: SavingsEstimate["sources"][number]) => number,
) => e.sources.reduce((a, s) => a + pick(s), 0);

describe("properties of the estimate", () => {
  it("has parts that add up to the totals, net and gross", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = estimate(input);
        expect(sum(e, (s) => s.tokens_saved)).toBe(e.tokens_saved);
        expect(sum(e, (s) => s.cost_saved_micros)).toBe(e.cost_saved_micros);
        expect(sum(e, (s) => s.gross.tokens_saved)).toBe(e.gross.tokens_saved);
        expect(sum(e, (s) => s.gross.cost_saved_micros)).toBe(
          e.gross.cost_saved_micros,
        );
        for (const s of e.sources) {
          expect(s.tokens_saved_low).toBeLessThanOrEqual(s.tokens_saved_high);
          expect(s.conservative_low).toBeLessThanOrEqual(s.tokens_saved_low);
        }
      }),
      { seed: 31, numRuns: 60 },
    );
  });

  it("never counts overlapping positive claims twice", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = estimate(input);
        const allPositive = e.sources.every((s) => s.gross.tokens_saved >= 0);
        if (allPositive)
          expect(e.tokens_saved).toBeLessThanOrEqual(e.gross.tokens_saved + 1);
      }),
      { seed: 32, numRuns: 60 },
    );
  });
});

function hookInput(rng: Rng, transcripts: number): EstimateInput {
  const cost = 8000 * Math.exp(0.3 * normalDraw(rng));
  return {
    tasks: Array.from({ length: 20 }, (_, i) => ({
      correlation_id: `t${i}`,
      project: "p",
      customer: "c",
      tokens: 30_000,
      cost_usd_micros: 90_000,
      started_at: null,
    })),
    interventions: Array.from({ length: 20 }, (_, i) => ({
      id: `i${i}`,
      correlation_id: `t${i}`,
      source: "hook_correction" as const,
      type: "url_fix",
      at: "2026-01-01T00:00:00.000Z",
      estimated_tokens_saved: null,
      detail: {},
    })),
    holdouts: [],
    observations: Array.from({ length: transcripts }, () => ({
      source: "hook_correction" as const,
      type: "url_fix",
      kind: "transcript" as const,
      // Lognormal with the configured spread of one cycle (CV 0.8).
      value_tokens: Math.round(
        cost * Math.exp(0.703 * normalDraw(rng) - 0.247),
      ),
    })),
  };
}

function holdoutInput(rng: Rng, held: number): EstimateInput {
  const tokens = () => Math.round(20_000 * Math.exp(1.1 * normalDraw(rng)));
  const rows = [
    ...Array.from({ length: 150 }, (_, i) => ({
      id: `t${i}`,
      tokens: Math.round(tokens() * 0.6),
      held: false,
    })),
    ...Array.from({ length: held }, (_, i) => ({
      id: `h${i}`,
      tokens: tokens(),
      held: true,
    })),
  ];
  return {
    tasks: rows.map((r) => ({
      correlation_id: r.id,
      project: "p",
      customer: "c",
      tokens: r.tokens,
      cost_usd_micros: r.tokens * 3,
      started_at: null,
    })),
    interventions: rows.flatMap((r, i) =>
      r.held
        ? []
        : [
            {
              id: `i${i}`,
              correlation_id: r.id,
              source: "context_optimization" as const,
              type: "x",
              at: "2026-01-01T00:00:00.000Z",
              estimated_tokens_saved: null,
              detail: {},
            },
          ],
    ),
    holdouts: rows.flatMap((r) =>
      r.held
        ? [
            {
              correlation_id: r.id,
              source: "context_optimization" as const,
              type: "x",
            },
          ]
        : [],
    ),
  };
}

const width = (e: SavingsEstimate) => e.tokens_saved_high - e.tokens_saved_low;

/** Measured cycle costs rescale the saving, so compare relative widths. */
const relativeWidth = (e: SavingsEstimate) =>
  width(e) / Math.abs(e.tokens_saved);

/** Mean interval width over scenarios, with less and with more evidence. */
function widths(
  seed: number,
  make: (rng: Rng, amount: number) => EstimateInput,
  amounts: { less: number; more: number },
  measure: (e: SavingsEstimate) => number,
) {
  let narrow = 0;
  let wide = 0;
  for (let i = 0; i < 12; i += 1) {
    const rng = createRng(seed * 100 + i);
    const small = make(rng, amounts.less);
    const large = make(createRng(seed * 100 + i), amounts.more);
    wide += measure(estimate(small, i, 200));
    narrow += measure(estimate(large, i, 200));
  }
  return { less: wide / 12, more: narrow / 12 };
}

describe("more evidence", () => {
  it("never widens an interval on average: transcripts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10 }),
        (seed, few) => {
          const amounts = { less: few, more: few * 4 + 8 };
          const w = widths(seed, hookInput, amounts, relativeWidth);
          expect(w.more).toBeLessThanOrEqual(w.less);
        },
      ),
      { seed: 41, numRuns: 10 },
    );
  });

  it("never widens an interval on average: holdouts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 5, max: 20 }),
        (seed, few) => {
          const amounts = { less: few, more: few * 4 };
          const w = widths(seed, holdoutInput, amounts, width);
          expect(w.more).toBeLessThanOrEqual(w.less);
        },
      ),
      { seed: 42, numRuns: 10 },
    );
  });
});
