import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costMicros, divideRounded, weightedMicros } from "./cost.js";
import { dollarsToMicros } from "./money.js";
import type { TokenCounts } from "./tokens.js";

const rates = {
  input: 3_000_000,
  output: 15_000_000,
  cache_read: 300_000,
  cache_write_5m: 3_750_000,
  cache_write_1h: 6_000_000,
};

const tokens = fc.record({
  input_tokens: fc.nat(10_000_000),
  output_tokens: fc.nat(1_000_000),
  cache_read_tokens: fc.nat(50_000_000),
  cache_write_5m_tokens: fc.nat(10_000_000),
  cache_write_1h_tokens: fc.nat(10_000_000),
});

function plus(a: TokenCounts, b: TokenCounts): TokenCounts {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_tokens: a.cache_read_tokens + b.cache_read_tokens,
    cache_write_5m_tokens: a.cache_write_5m_tokens + b.cache_write_5m_tokens,
    cache_write_1h_tokens: a.cache_write_1h_tokens + b.cache_write_1h_tokens,
  };
}

describe("exact costs", () => {
  it("round half up to a whole micro-dollar", () => {
    expect(divideRounded(1_500_000, 1_000_000)).toBe(2);
    expect(divideRounded(1_499_999, 1_000_000)).toBe(1);
    expect(weightedMicros([[1, 300_000]])).toBe(0);
    expect(weightedMicros([[5, 300_000]])).toBe(2);
    expect(weightedMicros([[5, -300_000]])).toBe(-2);
  });

  it("stay exact beyond 2^53 by switching to BigInt", () => {
    const tokensHuge = 4_000_000_000_000;
    expect(weightedMicros([[tokensHuge, 75_000_000]])).toBe(
      300_000_000_000_000,
    );
  });

  it("add up: pricing two requests apart differs by under a micro-dollar each", () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const apart = costMicros(a, rates) + costMicros(b, rates);
        expect(
          Math.abs(costMicros(plus(a, b), rates) - apart),
        ).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("read dollar amounts exactly", () => {
    expect(dollarsToMicros("12.345678")).toBe(12_345_678);
    expect(dollarsToMicros("0.0000015")).toBe(2);
    expect(dollarsToMicros(0.1 + 0.2)).toBe(300_000);
    expect(() => dollarsToMicros("1e-3")).toThrow(
      /a decimal amount like 0.0123/,
    );
  });
});
