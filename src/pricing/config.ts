import { readFileSync } from "node:fs";
import { z } from "zod";
import { ConfigError } from "../domain/errors.js";
import { issueLines } from "./issues.js";

const mtok = z
  .number({ error: "a price in dollars per million tokens, like 3.75" })
  .nonnegative()
  .finite();

const bucketPrices = {
  input_mtok: mtok,
  output_mtok: mtok,
  cache_read_mtok: mtok.optional(),
  cache_write_mtok: mtok.optional(),
  cache_write_1h_mtok: mtok.optional(),
};

const tierSchema = z.strictObject({
  above_prompt_tokens: z.number().int().nonnegative(),
  ...bucketPrices,
});

const priceSchema = z.strictObject({
  ...bucketPrices,
  tiers: z.array(tierSchema).optional(),
  since: z.iso.date({ error: "a date like 2025-06-01" }).optional(),
});

const modelPricesSchema = z.union([priceSchema, z.array(priceSchema).min(1)]);

const customerSchema = z.strictObject({
  discount_percent: z.number().min(0).max(100).default(0),
  models: z.record(z.string().min(1), modelPricesSchema).default({}),
});

/**
 * The pricing config file. Model keys match a log's model name exactly or,
 * ending in `*`, by prefix; case is ignored. Example:
 *
 * ```json
 * { "models": { "my-model*": { "input_mtok": 1, "output_mtok": 2 } },
 *   "aliases": { "gpt-5-1-codex-2025-11-13": "gpt-5.1-codex" },
 *   "customers": { "acme": { "discount_percent": 12.5 } } }
 * ```
 */
export const pricingConfigSchema = z.strictObject({
  models: z.record(z.string().min(1), modelPricesSchema).default({}),
  aliases: z.record(z.string().min(1), z.string().min(1)).default({}),
  customers: z.record(z.string().min(1), customerSchema).default({}),
});

export type PricingConfig = z.output<typeof pricingConfigSchema>;
export type ConfiguredPrice = z.output<typeof priceSchema>;
export type ConfiguredModelPrices = z.output<typeof modelPricesSchema>;

/** Validates a parsed config; `where` names it in error messages. */
export function parsePricingConfig(
  value: unknown,
  where = "pricing config",
): PricingConfig {
  const parsed = pricingConfigSchema.safeParse(value);
  if (parsed.success) return deepFreeze(parsed.data);
  const lines = issueLines(parsed.error).map((line) => `  ${line}`);
  throw new ConfigError(
    `${where} is not a valid pricing config:\n${lines.join("\n")}`,
  );
}

/** Reads and validates a pricing config file (JSON). */
export function loadPricingConfig(path: string): PricingConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(
      `cannot read pricing config ${path}: ${reason(error)}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `pricing config ${path} is not valid JSON (${reason(error)}); ` +
        "fix the file or remove the option",
    );
  }
  return parsePricingConfig(value, path);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
