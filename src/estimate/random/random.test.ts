import { describe, expect, it } from "vitest";
import { gammaDraw, normalDraw } from "./draws.js";
import { CENTRAL_NOISE, randomNoise } from "./noise.js";
import { createRng, deriveSeed } from "./rng.js";

const many = (n: number, f: () => number) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

describe("seeded randomness", () => {
  it("repeats a stream for a seed and differs between seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const first = many(5, () => a.next());
    expect(many(5, () => b.next())).toEqual(first);
    expect(many(5, () => c.next())).not.toEqual(first);
  });

  it("stays inside (0, 1) with the right mean", () => {
    const rng = createRng(1);
    const xs = many(20_000, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
  });

  it("derives distinct sub-stream seeds", () => {
    expect(deriveSeed(1, "a")).not.toBe(deriveSeed(1, "b"));
    expect(deriveSeed(1, "a")).toBe(deriveSeed(1, "a"));
  });

  it("draws normals and gammas with the right moments", () => {
    const rng = createRng(7);
    const normals = many(20_000, () => normalDraw(rng));
    expect(mean(normals)).toBeCloseTo(0, 1);
    expect(variance(normals)).toBeCloseTo(1, 1);
    for (const shape of [0.4, 2.5]) {
      const gammas = many(20_000, () => gammaDraw(rng, shape));
      expect(mean(gammas) / shape).toBeCloseTo(1, 1);
      expect(variance(gammas) / shape).toBeCloseTo(1, 0);
    }
  });

  it("gives Student t draws heavier tails than normal ones", () => {
    const noise = randomNoise(createRng(3));
    const t = many(20_000, () => noise.studentT(3));
    const beyond = t.filter((x) => Math.abs(x) > 3).length / t.length;
    expect(beyond).toBeGreaterThan(0.04);
    expect(beyond).toBeLessThan(0.08);
  });

  it("has a central noise that returns each centre", () => {
    expect(CENTRAL_NOISE.normal()).toBe(0);
    expect(CENTRAL_NOISE.studentT(4)).toBe(0);
    expect(CENTRAL_NOISE.gamma(2.5)).toBe(2.5);
  });
});
