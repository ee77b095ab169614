import type { SettingsSections } from "./settings-file.js";
import { settingsPath } from "./settings-path.js";

/**
 * The settings file in effect, checked, or null when there is none. Its
 * checks load a schema library that costs more than a whole small usage
 * report, so they load only when there is a file.
 */
export async function settingsSections(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<SettingsSections | null> {
  const path = settingsPath(given, env);
  if (path === null) return null;
  const { readSettingsFile } = await import("./settings-file.js");
  return readSettingsFile(path);
}
