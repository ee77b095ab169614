import { describe, expect, it } from "vitest";
import { parsePricingConfig } from "./config.js";
import { createPriceBook } from "./price-book.js";
import { type PricingInput, priceUsage } from "./price-usage.js";

const AT = "2025-10-01T12:00:00Z";

/** 1,000 input, 500 output, 2,000 read, 3,000 5m and 1,000 1h writes. */
function request(
  model: string,
  extra: Partial<PricingInput> = {},
): PricingInput {
  return {
    model,
    at: AT,
    input_tokens: 1000,
    output_tokens: 500,
    cache_read_tokens: 2000,
    cache_write_5m_tokens: 3000,
    cache_write_1h_tokens: 1000,
    ...extra,
  };
}

const book = createPriceBook();

function micros(input: PricingInput, customer?: string): number {
  const priced = priceUsage(input, book, customer);
  if (priced.status !== "priced") throw new Error(`${input.model} unpriced`);
  return priced.cost_micros;
}

describe("list prices, checked by hand", () => {
  // Per million tokens: input, output, cache read, 5m write, 1h write.
  it.each([
    // Sonnet 4: $3, $15, $0.30, $3.75, $6.
    ["claude-sonnet-4-20250514", 3000 + 7500 + 600 + 11250 + 6000],
    // Opus 4 and 4.1: $15, $75, $1.50, $18.75, $30.
    ["claude-opus-4-20250514", 15000 + 37500 + 3000 + 56250 + 30000],
    ["claude-opus-4-1-20250805", 15000 + 37500 + 3000 + 56250 + 30000],
    // Haiku 3.5: $0.80, $4, $0.08, $1, $1.60.
    ["claude-3-5-haiku-20241022", 800 + 2000 + 160 + 3000 + 1600],
    // Haiku 4.5: $1, $5, $0.10, $1.25, $2.
    ["claude-haiku-4-5-20251001", 1000 + 2500 + 200 + 3750 + 2000],
  ])("%s", (model, expected) => {
    expect(micros(request(model))).toBe(expected);
  });

  it("GPT-5 codex models: $1.25 input, $0.125 cached, $10 output", () => {
    const codex = {
      input_tokens: 10_000,
      cache_read_tokens: 5_000,
      output_tokens: 2_000,
      cache_write_5m_tokens: 0,
      cache_write_1h_tokens: 0,
    };
    const expected = 12_500 + 625 + 20_000;
    expect(micros({ model: "gpt-5-codex", at: AT, ...codex })).toBe(expected);
    // Codex CLI logs a dated name the catalog lists without its date.
    expect(
      micros({ model: "gpt-5-1-codex-2025-11-13", at: AT, ...codex }),
    ).toBe(expected);
  });

  it("Bedrock ids, with the regional premium and 1h writes at 2× input", () => {
    const model = "converse/jp.anthropic.claude-haiku-4-5-20251001-v1:0";
    // $1.10, $5.50, $0.11, $1.375 and (derived) $2.20.
    expect(micros(request(model))).toBe(1100 + 2750 + 220 + 4125 + 2200);
  });

  it("long-context tiers price every token of a large prompt", () => {
    const big = { input_tokens: 150_000, cache_read_tokens: 60_000 };
    const base = { input_tokens: 150_000, cache_read_tokens: 40_000 };
    const tokens = {
      output_tokens: 1000,
      cache_write_5m_tokens: 0,
      cache_write_1h_tokens: 0,
    };
    const sonnet45 = "claude-sonnet-4-5-20250929";
    // 210k prompt > 200k: $6, $0.60, $22.50.
    expect(micros({ model: sonnet45, at: AT, ...tokens, ...big })).toBe(
      900_000 + 36_000 + 22_500,
    );
    // 190k prompt: $3, $0.30, $15.
    expect(micros({ model: sonnet45, at: AT, ...tokens, ...base })).toBe(
      450_000 + 12_000 + 15_000,
    );
    // Sonnet 4 (1M-context beta) has the same tier, supplied by us.
    expect(
      micros({ model: "claude-sonnet-4-20250514", at: AT, ...tokens, ...big }),
    ).toBe(900_000 + 36_000 + 22_500);
  });
});

describe("priceUsage", () => {
  it("lets a cost the source logged win, and says so", () => {
    expect(
      priceUsage(
        request("claude-sonnet-4-20250514", { cost_usd: "0.0123456" }),
        book,
      ),
    ).toEqual({
      status: "priced",
      basis: "source",
      cost_micros: 12346,
      priced_as: null,
    });
  });

  it("reports an unknown model unpriced with its tokens, never as $0", () => {
    expect(priceUsage(request("acme-coder-7"), book)).toEqual({
      status: "unpriced",
      model: "acme-coder-7",
      tokens: {
        input_tokens: 1000,
        output_tokens: 500,
        cache_read_tokens: 2000,
        cache_write_5m_tokens: 3000,
        cache_write_1h_tokens: 1000,
      },
    });
  });

  it("takes overrides per model, dated, and discounts per customer", () => {
    const config = parsePricingConfig({
      models: {
        "acme-coder*": [
          { input_mtok: 1, output_mtok: 2 },
          {
            since: "2025-09-01",
            input_mtok: 2,
            output_mtok: 4,
            cache_read_mtok: 0.5,
          },
        ],
      },
      customers: {
        globex: { discount_percent: 10 },
        initech: {
          discount_percent: 50,
          models: {
            "claude-sonnet-4-20250514": { input_mtok: 1, output_mtok: 1 },
          },
        },
      },
    });
    const priced = createPriceBook(config);
    const cost = (model: string, customer?: string) => {
      const p = priceUsage(request(model), priced, customer);
      return p.status === "priced" ? [p.basis, p.cost_micros] : p.status;
    };
    // Since 2025-09-01: $2 input (and both writes), $4 output, $0.50 read.
    expect(cost("acme-coder-7")).toEqual([
      "override",
      2000 + 2000 + 1000 + 6000 + 2000,
    ]);
    expect(cost("claude-sonnet-4-20250514", "globex")).toEqual([
      "catalog",
      25515,
    ]);
    // A negotiated model price is taken as it is, without the discount.
    expect(cost("claude-sonnet-4-20250514", "initech")).toEqual([
      "customer",
      1000 + 500 + 2000 + 3000 + 2000,
    ]);
  });
});
