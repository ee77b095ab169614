import {
  type EstimateConfig,
  resolveEstimateConfig,
} from "../estimate/index.js";
import type { ProjectMap } from "../importers/project-map.js";
import type { PricingConfig } from "../pricing/config.js";
import { readSettingsFile } from "./settings-file.js";
import { settingsPath } from "./settings-path.js";

export { defaultConfigPath } from "./settings-path.js";

export interface Settings {
  /** Where the settings came from, or null for the defaults. */
  readonly path: string | null;
  readonly estimate: EstimateConfig;
  /** Price overrides and customer discounts on top of the catalog. */
  readonly pricing: PricingConfig | undefined;
  /** Project and customer names for agent log folders. */
  readonly projects: ProjectMap | undefined;
}

/**
 * Reads `--config`, else `TOKENLEDGER_CONFIG`, else
 * `~/.tokenledger/config.json` when it exists; the defaults otherwise.
 */
export function loadSettings(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Settings {
  const path = settingsPath(given, env);
  if (path === null) {
    return {
      path,
      estimate: resolveEstimateConfig(),
      pricing: undefined,
      projects: undefined,
    };
  }
  const { estimate, pricing, projects } = readSettingsFile(path);
  return {
    path,
    estimate: resolveEstimateConfig(estimate ?? {}),
    pricing,
    projects,
  };
}
