import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export function defaultConfigPath(): string {
  return join(homedir(), ".tokenledger", "config.json");
}

/**
 * The settings file to read: `--config`, else `TOKENLEDGER_CONFIG`, else
 * `~/.tokenledger/config.json` when it exists; null for the defaults.
 */
export function settingsPath(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const named = given ?? (env.TOKENLEDGER_CONFIG || undefined);
  if (named !== undefined) return named;
  return existsSync(defaultConfigPath()) ? defaultConfigPath() : null;
}
