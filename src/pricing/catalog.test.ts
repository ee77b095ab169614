import {
  calcPrice,
  type ModelPrice,
  type Provider,
  waitForUpdate,
} from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { lookupCatalog } from "./catalog.js";
import { priceCatalog, secondOfDay } from "./catalog-file.js";

const providers: readonly Provider[] = (await waitForUpdate()) ?? [];

/** The package's own answer, by the same attempts lookupCatalog makes. */
function packageLookup(model: string, at: Date) {
  const bedrock = /(^|[./])anthropic\./.test(model);
  const attempts: [string, string | undefined][] = [
    [bedrock ? model : "", "aws"],
    [model, undefined],
    [
      model.includes("/") ? model.slice(model.lastIndexOf("/") + 1) : "",
      undefined,
    ],
    [model.replace(/[-@]\d{4}-?\d{2}-?\d{2}$/, ""), undefined],
  ];
  for (const [name, providerId] of attempts) {
    if (!name) continue;
    const found = calcPrice({}, name, {
      timestamp: at,
      ...(providerId ? { providerId } : {}),
    });
    if (found) {
      return {
        provider: found.provider.id,
        model_id: found.model.id,
        prices: plain(found.model_price),
      };
    }
  }
  return null;
}

function plain(prices: ModelPrice) {
  return JSON.parse(JSON.stringify(prices)) as ModelPrice;
}

/** Names a log might carry for a catalog model. */
function namesFor(provider: string, id: string): string[] {
  return [
    id,
    id.toUpperCase(),
    ` ${id} `,
    `${provider}/${id}`,
    `${id}-20250514`,
    `${id}@20250514`,
    `anthropic.${id}-v1:0`,
    `us.anthropic.${id}`,
  ];
}

const MOMENTS = [
  "2023-06-01T00:00:00Z",
  "2025-05-31T23:59:59Z",
  "2026-03-13T00:00:00Z",
  "2026-06-01T16:29:59Z",
  "2026-06-01T16:30:00Z",
  "2026-06-02T00:30:00Z",
].map((t) => new Date(t));

describe("lookupCatalog", () => {
  it("answers as the genai-prices package does for every model it lists", () => {
    let compared = 0;
    for (const provider of providers) {
      for (const model of provider.models) {
        for (const name of [
          ...namesFor(provider.id, model.id),
          "no-such-model",
          "claude-no-such-4",
        ]) {
          for (const at of MOMENTS) {
            const ours = lookupCatalog(name, at);
            const theirs = packageLookup(name, at);
            expect(
              ours && {
                provider: ours.provider,
                model_id: ours.model_id,
                prices: ours.prices,
              },
              `${name} at ${at.toISOString()}`,
            ).toEqual(theirs);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("reads the catalog the build wrote from the installed package", () => {
    const catalog = priceCatalog();
    expect(catalog.source).toMatch(/^@pydantic\/genai-prices@\d/);
    expect(catalog.providers.map((p) => p.id)).toEqual(
      providers.map((p) => p.id),
    );
  });

  it("says how long a lookup holds", () => {
    expect(lookupCatalog("claude-3-5-sonnet-20241022", new Date())?.valid).toBe(
      "always",
    );
    expect(lookupCatalog("claude-opus-4-6", new Date())?.valid).toBe("day");
  });
});

describe("secondOfDay", () => {
  it("turns a time with its zone into seconds after midnight UTC", () => {
    expect(secondOfDay("16:30:00Z")).toBe(59_400);
    expect(secondOfDay("00:30:00+08:00")).toBe(59_400);
    expect(secondOfDay("20:00:00.5-04:00")).toBe(0.5);
  });

  it("names a time it cannot read", () => {
    expect(() => secondOfDay("4pm")).toThrow(/"4pm"/);
  });
});
