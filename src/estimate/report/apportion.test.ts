import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion } from "./apportion.js";

describe("apportion", () => {
  it("rounds parts so they add up to the rounded whole", () => {
    expect(apportion([0.4, 0.4, 0.4])).toEqual([1, 0, 0]);
    expect(apportion([1.5, -0.5])).toEqual([2, -1]);
    expect(apportion([])).toEqual([]);
  });

  it("keeps every part within one of its value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), {
          maxLength: 8,
        }),
        (values) => {
          const parts = apportion(values);
          const total = Math.round(values.reduce((a, b) => a + b, 0));
          expect(parts.reduce((a, b) => a + b, 0) === total).toBe(true);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (values[i] as number))).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { seed: 21 },
    );
  });
});
