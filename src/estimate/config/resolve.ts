import type { z } from "zod";
import { ConfigError } from "../../domain/errors.js";
import { DEFAULT_ESTIMATE_CONFIG } from "./defaults.js";
import { deepFreeze } from "./freeze.js";
import { deepMerge } from "./merge.js";
import {
  type EstimateConfig,
  type EstimateConfigOverride,
  estimateConfigSchema,
} from "./schema.js";

/**
 * The default configuration with `override` merged in, validated and frozen.
 * Throws ConfigError naming the first bad key.
 *
 * @example resolveEstimateConfig({ errorCycle: { costs: { url_fix: 9000 } } })
 */
export function resolveEstimateConfig(
  override: EstimateConfigOverride = {},
  base: EstimateConfig = DEFAULT_ESTIMATE_CONFIG,
): EstimateConfig {
  const merged = deepMerge(base, override);
  const parsed = estimateConfigSchema.safeParse(merged);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  return deepFreeze(parsed.data);
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "estimate config is invalid";
  const key = issue.path.map(String).join(".") || "(root)";
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const found = keys.length > 0 ? ` (unknown key ${keys.join(", ")})` : "";
  return (
    `estimate config: \`${key}\`: ${issue.message}${found}; ` +
    "fix or remove it (docs/SETTINGS.md lists the settings)"
  );
}
