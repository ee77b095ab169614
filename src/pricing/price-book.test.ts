import { describe, expect, it, vi } from "vitest";
import * as catalog from "./catalog.js";
import { createPriceBook } from "./price-book.js";

vi.mock("./catalog.js", async (original) => {
  const real = await original<typeof catalog>();
  return { ...real, lookupCatalog: vi.fn(real.lookupCatalog) };
});

const DAY = 86_400_000;
const AT = Date.parse("2025-10-01T12:00:00Z");

describe("createPriceBook", () => {
  it("looks a model up once, priced or not", () => {
    const book = createPriceBook();
    const calls = vi.mocked(catalog.lookupCatalog);
    calls.mockClear();
    for (let day = 0; day < 30; day++) {
      expect(
        book.rates("claude-sonnet-4-20250514", AT + day * DAY),
      ).not.toBeNull();
      expect(book.rates("no-such-model", AT + day * DAY)).toBeNull();
    }
    // One lookup each, the unknown model's answer (none) kept too.
    expect(calls.mock.calls.map(([model]) => model)).toEqual([
      "claude-sonnet-4-20250514",
      "no-such-model",
    ]);
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
