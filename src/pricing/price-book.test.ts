import * as catalog from "@pydantic/genai-prices";
import { describe, expect, it, vi } from "vitest";
import { createPriceBook } from "./price-book.js";

vi.mock("@pydantic/genai-prices", async (original) => {
  const real = await original<typeof catalog>();
  return { ...real, calcPrice: vi.fn(real.calcPrice) };
});

const DAY = 86_400_000;
const AT = Date.parse("2025-10-01T12:00:00Z");

describe("createPriceBook", () => {
  it("looks a model up once, priced or not", () => {
    const book = createPriceBook();
    const calls = vi.mocked(catalog.calcPrice);
    calls.mockClear();
    for (let day = 0; day < 30; day++) {
      expect(
        book.rates("claude-sonnet-4-20250514", AT + day * DAY),
      ).not.toBeNull();
      expect(book.rates("no-such-model", AT + day * DAY)).toBeNull();
    }
    // One lookup for Sonnet 4; the unknown model tries each way once.
    expect(calls.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.mock.calls.length).toBeLessThanOrEqual(5);
  });

  it("prices by the request's date when the catalog's prices are dated", () => {
    const book = createPriceBook();
    // Opus 4.6 changed its prices on 2026-03-13: its long-context tier went.
    const before = book.rates(
      "claude-opus-4-6",
      Date.parse("2026-03-01T00:00:00Z"),
    );
    const after = book.rates(
      "claude-opus-4-6",
      Date.parse("2026-04-01T00:00:00Z"),
    );
    expect(before?.tiers.map((t) => t.above)).toEqual([200_000]);
    expect(after?.tiers).toEqual([]);
    expect(after?.base.input).toBe(5_000_000);
  });
});
