import { homedir } from "node:os";
import { join } from "node:path";
import type { RootOptions, Roots } from "../roots.js";

/**
 * Claude Code roots, each a folder holding `projects/`: `dirs`, else every
 * entry of the comma list `CLAUDE_CONFIG_DIR`, else `~/.config/claude` and
 * `~/.claude`.
 */
export function claudeRoots(options: RootOptions = {}): Roots {
  if (options.dirs?.length) return { roots: options.dirs, explicit: true };
  const env = options.env ?? process.env;
  const listed = (env.CLAUDE_CONFIG_DIR ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (listed.length) return { roots: listed, explicit: true };
  const home = options.home ?? homedir();
  return {
    roots: [join(home, ".config", "claude"), join(home, ".claude")],
    explicit: false,
  };
}
