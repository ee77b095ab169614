import { describe, expect, it } from "vitest";
import { CENTRAL_NOISE, randomNoise } from "../random/noise.js";
import { createRng } from "../random/rng.js";
import { combinePieces, drawCombination } from "./combine.js";
import { holdoutRatio } from "./holdout-ratio.js";
import {
  cyclePiece,
  savingPiece,
  summarizeObservations,
} from "./observations.js";
import { drawPiece, effectiveVariance, type Piece } from "./piece.js";
import { estimateTau, pooledPiece } from "./pooling.js";
import { logitPrior, lognormalPrior, multiplierPrior } from "./prior.js";

const normal = (mean: number, variance: number): Piece => ({
  kind: "transcript",
  mean,
  variance,
  df: Infinity,
  bias: 0,
  n: 10,
  shared: 0,
});

describe("priors", () => {
  it("reads a range as the central 80%", () => {
    const p = lognormalPrior({ low: 10_000, high: 15_000 }, 0, 0);
    expect(Math.exp(p.mean)).toBeCloseTo(Math.sqrt(150e6));
    expect(Math.exp(p.mean + 1.2816 * Math.sqrt(p.variance))).toBeCloseTo(
      15_000,
      -1,
    );
    expect(multiplierPrior({ low: 10, high: 15 }, 0, 0).mean).toBe(0);
    const f = logitPrior({ low: 0.6, high: 0.8 }, 0, 0);
    expect(1 / (1 + Math.exp(-f.mean))).toBeCloseTo(0.7, 1);
  });

  it("widens by the bias allowance", () => {
    const p = multiplierPrior({ low: 10, high: 15 }, 0.35, 0);
    expect(effectiveVariance(p)).toBeCloseTo(p.variance + 0.35 ** 2);
  });
});

describe("combinePieces", () => {
  it("weights by precision", () => {
    const c = combinePieces([normal(0, 1), normal(1, 1 / 3)]);
    expect(c.weights).toEqual([0.25, 0.75]);
    expect(c.center).toBeCloseTo(0.75);
    expect(c.variance).toBeCloseTo(0.25);
  });

  it("draws with the posterior variance", () => {
    const c = combinePieces([normal(0, 1), normal(1, 1 / 3)]);
    const noise = randomNoise(createRng(5));
    const draws = Array.from({ length: 20_000 }, () =>
      drawCombination(c, noise, 0),
    );
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance =
      draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length;
    expect(mean).toBeCloseTo(0.75, 1);
    expect(variance).toBeCloseTo(0.25, 1);
    expect(drawCombination(c, CENTRAL_NOISE, 0)).toBeCloseTo(0.75);
  });

  it("moves shared pieces with the common shock", () => {
    const prior = { ...normal(0, 1), kind: "prior" as const, shared: 1 };
    expect(drawPiece(prior, randomNoise(createRng(1)), 2)).toBeCloseTo(2);
  });
});

describe("holdoutRatio", () => {
  it("estimates the log ratio of mean costs", () => {
    const treated = [10, 20, 30, 40, 50, 60];
    const held = treated.map((c) => c * 2);
    const piece = holdoutRatio(treated, held) as Piece;
    expect(piece.mean).toBeCloseTo(Math.log(2), 1);
    expect(piece.df).toBe(5);
    expect(piece.bias).toBe(0);
  });

  it("trusts the spread of heavy-tailed costs less", () => {
    const light = Array.from({ length: 40 }, (_, i) => 100 + (i % 7));
    const heavy = light.map((c, i) => (i === 3 ? c * 60 : c));
    const even = holdoutRatio(light, light) as Piece;
    const tailed = holdoutRatio(heavy, light) as Piece;
    expect(even.df).toBe(39);
    expect(tailed.df).toBeGreaterThanOrEqual(1);
    expect(tailed.df).toBeLessThan(5);
  });

  it("needs enough tasks in each arm", () => {
    expect(holdoutRatio([1, 2, 3], [1, 2, 3], 5)).toBeNull();
    expect(holdoutRatio([0, 0], [1, 2])).toBeNull();
    expect(holdoutRatio([10], [20])).toBeNull();
  });

  it("takes a lone held-out task with the other arm's spread and one degree of freedom", () => {
    // Treated: mean 35, CV² 350 / 35² = 2/7, all of the pooled spread.
    const lone = holdoutRatio([10, 20, 30, 40, 50, 60], [70]) as Piece;
    const cv2 = 2 / 7;
    expect(lone.mean).toBeCloseTo(Math.log(2) + cv2 / 2 - cv2 / 12, 12);
    expect(lone.variance).toBeCloseTo(cv2 * (1 + 1 / 6), 12);
    expect(lone.df).toBe(1);
    expect(lone.n).toBe(7);
  });
});

describe("observations", () => {
  it("summarizes by kind, weighting by event counts", () => {
    const [t] = summarizeObservations(
      [
        {
          source: "hook_correction",
          type: "x",
          kind: "transcript",
          value_tokens: 10_000,
          n: 3,
        },
        {
          source: "hook_correction",
          type: "x",
          kind: "transcript",
          value_tokens: 14_000,
        },
      ],
      { cv: 0.8, weight: 8 },
    );
    expect(t?.mean).toBe(11_000);
    expect(t?.n).toBe(4);
    expect(t?.df).toBe(Infinity);
  });

  it("puts cycle costs on the multiplier scale and savings on the ratio scale", () => {
    const o = {
      kind: "transcript" as const,
      mean: 20_000,
      cv2: 0.64,
      n: 16,
      df: Infinity,
    };
    expect(cyclePiece(o, 10_000, 0.25)?.mean).toBeCloseTo(Math.log(2) + 0.02);
    expect(savingPiece(o, 20_000, 0.4)?.mean).toBeCloseTo(Math.log(2));
    expect(savingPiece({ ...o, mean: -30_000 }, 20_000, 0.4)).toBeNull();
  });
});

describe("pooling", () => {
  const members = [
    { key: "a", piece: normal(0.5, 0.01) },
    { key: "b", piece: normal(0.3, 0.01) },
  ];

  it("leaves the type's own data out", () => {
    const piece = pooledPiece(members, "a", 0.2, null) as Piece;
    expect(piece.mean).toBeCloseTo(0.3);
    expect(piece.variance).toBeCloseTo(0.01 + 0.04 + 0.04);
    expect(pooledPiece(members.slice(0, 1), "a", 0.2, null)).toBeNull();
  });

  it("shrinks the source level toward its prior", () => {
    const piece = pooledPiece(members, "c", 0.1, {
      mean: 0,
      variance: 0.02,
    }) as Piece;
    expect(piece.mean).toBeGreaterThan(0);
    expect(piece.mean).toBeLessThan(0.4);
    expect(piece.shared).toBeGreaterThan(0);
  });

  it("estimates τ only from enough types", () => {
    expect(estimateTau(members, 0.25, 3)).toBe(0.25);
    const spread = [0, 1, 2].map((i) => ({
      key: `${i}`,
      piece: normal(i, 0.01),
    }));
    expect(estimateTau(spread, 0.25, 3)).toBeGreaterThan(0.5);
  });
});
