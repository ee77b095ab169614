import { describe, expect, it } from "vitest";
import { parsePricingConfig } from "./config.js";
import { createPriceBook } from "./price-book.js";
import { promptCacheSavingsOf } from "./prompt-cache.js";

const request = {
  model: "claude-sonnet-4-20250514",
  at: "2025-10-01T12:00:00Z",
  input_tokens: 500,
  output_tokens: 100,
  cache_read_tokens: 10_000,
  cache_write_5m_tokens: 2_000,
  cache_write_1h_tokens: 1_000,
};

describe("prompt_cache savings", () => {
  it("are reads at full input price less their cost, net of write premiums", () => {
    // Sonnet 4: input $3, read $0.30, 5m write $3.75, 1h write $6.
    expect(promptCacheSavingsOf(request, createPriceBook())).toEqual({
      read_savings_micros: 10_000 * 2.7,
      write_premium_micros: 2_000 * 0.75 + 1_000 * 3,
      net_micros: 27_000 - 4_500,
    });
  });

  it("can be negative: writes that were never read back", () => {
    const unread = { ...request, cache_read_tokens: 0 };
    expect(promptCacheSavingsOf(unread, createPriceBook())?.net_micros).toBe(
      -4_500,
    );
  });

  it("follow the customer's discount and are null without a price", () => {
    const book = createPriceBook(
      parsePricingConfig({ customers: { acme: { discount_percent: 20 } } }),
    );
    expect(promptCacheSavingsOf(request, book, "acme")?.net_micros).toBe(
      18_000,
    );
    expect(
      promptCacheSavingsOf({ ...request, model: "mystery" }, book),
    ).toBeNull();
  });
});
