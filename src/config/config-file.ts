import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { ConfigError } from "../domain/errors.js";
import {
  type EstimateConfig,
  resolveEstimateConfig,
} from "../estimate/index.js";
import type { ProjectMap } from "../importers/project-map.js";
import { projectMapSchema } from "../importers/project-map-schema.js";
import { type PricingConfig, parsePricingConfig } from "../pricing/index.js";

/** The settings file: each section belongs to one part of tokenledger. */
const fileSchema = z.strictObject({
  estimate: z.record(z.string(), z.unknown()).optional(),
  pricing: z.record(z.string(), z.unknown()).optional(),
  projects: projectMapSchema.optional(),
});

export interface Settings {
  /** Where the settings came from, or null for the defaults. */
  readonly path: string | null;
  readonly estimate: EstimateConfig;
  /** Price overrides and customer discounts on top of the catalog. */
  readonly pricing: PricingConfig | undefined;
  /** Project and customer names for agent log folders. */
  readonly projects: ProjectMap | undefined;
}

export function defaultConfigPath(): string {
  return join(homedir(), ".tokenledger", "config.json");
}

/**
 * Reads `--config`, else `TOKENLEDGER_CONFIG`, else
 * `~/.tokenledger/config.json` when it exists; the defaults otherwise.
 */
export function loadSettings(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Settings {
  const named = given ?? (env.TOKENLEDGER_CONFIG || undefined);
  const path =
    named ?? (existsSync(defaultConfigPath()) ? defaultConfigPath() : null);
  if (path === null) {
    return {
      path,
      estimate: resolveEstimateConfig(),
      pricing: undefined,
      projects: undefined,
    };
  }
  const parsed = fileSchema.safeParse(readJson(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join(".") || "(top level)";
    const unknown =
      issue?.code === "unrecognized_keys" ? ` ${issue.keys.join(", ")}` : "";
    throw new ConfigError(
      `${path}: ${key}: ${issue?.message ?? "invalid"}${unknown}`,
    );
  }
  const { estimate, pricing, projects } = parsed.data;
  return {
    path,
    estimate: resolveEstimateConfig(estimate ?? {}),
    pricing: pricing && parsePricingConfig(pricing, `${path}: pricing`),
    projects,
  };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(
      `cannot read settings ${path}: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `${path}: not valid JSON: ${(error as Error).message}`,
    );
  }
}
