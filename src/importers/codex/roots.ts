import { homedir } from "node:os";
import { join } from "node:path";
import type { RootOptions, Roots } from "../roots.js";

/** The Codex root: `dirs`, else `$CODEX_HOME`, else `~/.codex`. */
export function codexRoots(options: RootOptions = {}): Roots {
  if (options.dirs?.length) return { roots: options.dirs, explicit: true };
  const env = options.env ?? process.env;
  const codexHome = env.CODEX_HOME?.trim();
  if (codexHome) return { roots: [codexHome], explicit: true };
  return {
    roots: [join(options.home ?? homedir(), ".codex")],
    explicit: false,
  };
}
