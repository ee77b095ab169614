import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../domain/errors.js";
import { loadPricingConfig, parsePricingConfig } from "./config.js";

describe("pricing config", () => {
  it("is frozen once read", () => {
    const config = parsePricingConfig({
      models: { m: { input_mtok: 1, output_mtok: 2 } },
    });
    expect(Object.isFrozen(config.models)).toBe(true);
    expect(config.customers).toEqual({});
  });

  it("says which field is wrong and what it expected", () => {
    expect(() =>
      parsePricingConfig(
        {
          models: { m: { input_mtok: "3", output_mtok: 1 } },
          customers: { c: { discount_percent: 120 } },
        },
        "prices.json",
      ),
    ).toThrowError(
      new ConfigError(
        "prices.json is not a valid pricing config:\n" +
          "  models.m.input_mtok: a price in dollars per million tokens, like 3.75\n" +
          "  customers.c.discount_percent: Too big: expected number to be <=100",
      ),
    );
  });

  it("names a file that is not JSON", () => {
    const path = join(mkdtempSync(join(tmpdir(), "tl-price-")), "p.json");
    writeFileSync(path, "{ models: }");
    expect(() => loadPricingConfig(path)).toThrow(
      new RegExp(`^pricing config ${path} is not valid JSON`),
    );
    expect(() => loadPricingConfig(`${path}.missing`)).toThrow(
      /cannot read pricing config/,
    );
  });
});
