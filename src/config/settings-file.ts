import { readFileSync } from "node:fs";
import { z } from "zod";
import { ConfigError } from "../domain/errors.js";
import type { ProjectMap } from "../importers/project-map.js";
import { projectMapSchema } from "../importers/project-map-schema.js";
import { type PricingConfig, parsePricingConfig } from "../pricing/config.js";

/** The settings file: each section belongs to one part of tokenledger. */
const fileSchema = z.strictObject({
  estimate: z.record(z.string(), z.unknown()).optional(),
  pricing: z.record(z.string(), z.unknown()).optional(),
  projects: projectMapSchema.optional(),
});

/** A settings file checked section by section, its estimate left raw. */
export interface SettingsSections {
  readonly path: string;
  /** Resolved by the estimate's own configuration, which few need. */
  readonly estimate: Readonly<Record<string, unknown>> | undefined;
  /** Price overrides and customer discounts on top of the catalog. */
  readonly pricing: PricingConfig | undefined;
  /** Project and customer names for agent log folders. */
  readonly projects: ProjectMap | undefined;
}

/** Reads and checks a settings file; a bad one is a ConfigError. */
export function readSettingsFile(path: string): SettingsSections {
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
    estimate,
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
