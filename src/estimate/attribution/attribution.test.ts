import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { noToolingMultiple } from "./no-tooling-cost.js";
import { multiplicativeShapley } from "./shapley.js";
import { splitClaims } from "./split-claims.js";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const joint = (r: readonly number[]) => 1 - r.reduce((p, x) => p * (1 - x), 1);

describe("multiplicativeShapley", () => {
  it("splits two sources by their marginal contributions", () => {
    const [a, b] = multiplicativeShapley([0.2, 0.5]);
    expect(a).toBeCloseTo(0.15);
    expect(b).toBeCloseTo(0.45);
  });

  it("gives equal sources equal shares", () => {
    const shares = multiplicativeShapley([0.3, 0.3, 0.3]);
    expect(shares[0]).toBeCloseTo(shares[2] as number);
  });

  it("has shares that sum to the joint saving", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.99, noNaN: true }), {
          minLength: 1,
          maxLength: 7,
        }),
        (r) => {
          expect(sum(multiplicativeShapley(r))).toBeCloseTo(joint(r), 9);
        },
      ),
      { seed: 11 },
    );
  });
});

describe("splitClaims", () => {
  it("solves the cost without tooling", () => {
    expect(noToolingMultiple([1, 1])).toBeCloseTo((3 + Math.sqrt(5)) / 2, 9);
    expect(noToolingMultiple([0.5])).toBeCloseTo(1.5, 9);
  });

  it("leaves a single claim alone", () => {
    expect(splitClaims([0.4])).toEqual([0.4]);
    expect(splitClaims([0.4, -0.1])).toEqual([0.4, -0.1]);
  });

  it("shrinks overlapping claims to the joint saving", () => {
    const net = splitClaims([1, 1]);
    expect(sum(net)).toBeCloseTo((1 + Math.sqrt(5)) / 2, 9);
    expect(net[0]).toBeCloseTo(net[1] as number);
  });

  it("never adds up to more than the positive claims", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 20, noNaN: true }), {
          minLength: 2,
          maxLength: 6,
        }),
        (claims) => {
          const net = splitClaims(claims);
          expect(net).toHaveLength(claims.length);
          expect(sum(net)).toBeLessThanOrEqual(sum(claims) + 1e-9);
          claims.forEach((k, i) => {
            if (k <= 0) expect(net[i]).toBe(k);
            else expect(net[i]).toBeGreaterThanOrEqual(0);
          });
        },
      ),
      { seed: 12 },
    );
  });

  it("adds up to the joint saving of the positive claims", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 20, noNaN: true }), {
          minLength: 2,
          maxLength: 6,
        }),
        (claims) => {
          const x = noToolingMultiple(claims);
          expect(sum(splitClaims(claims))).toBeCloseTo(x - 1, 6);
        },
      ),
      { seed: 13 },
    );
  });
});
