import { describe, expect, it } from "vitest";
import { erfc, normalCdf, normalQuantile } from "./normal.js";
import { quantileSorted, variance } from "./sample.js";
import { studentTQuantile } from "./student-t.js";

describe("distribution functions", () => {
  it.each([
    [0.5, 0],
    [0.9, 1.2815516],
    [0.975, 1.959964],
    [0.001, -3.090232],
  ])("normal quantile of %f is %f", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 5);
  });

  it("inverts the normal distribution function", () => {
    for (const x of [-2.5, -1, 0, 0.3, 2]) {
      expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 5);
    }
    expect(erfc(0)).toBeCloseTo(1, 7);
  });

  it.each([
    [0.9, 1, 3.077684],
    [0.9, 2, 1.885618],
    [0.9, 3, 1.637744],
    [0.95, 5, 2.015048],
    [0.9, 30, 1.310415],
  ])("t quantile of %f with %i df is %f", (p, df, t) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(t, 2);
  });

  it("rejects impossible arguments", () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0.5)).toThrow(RangeError);
  });

  it("interpolates sample quantiles", () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3);
  });
});
