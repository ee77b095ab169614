import { sep } from "node:path";
import type { DiscoveredFile } from "../plan.js";
import type { ProblemLog } from "../problems.js";
import { filesUnder, type RootedFile, type Roots } from "../roots.js";

/**
 * Every Claude Code log under the roots' `projects/` folders, sorted by
 * path, with the project folder and session its path names.
 */
export function discoverClaude(
  roots: Roots,
  problems: ProblemLog,
): DiscoveredFile[] {
  return filesUnder(roots, ["projects"], problems).map(describe);
}

/**
 * `<project>/<session>.jsonl` is a session; `<project>/<session>/subagents/
 * agent-*.jsonl` a sub-agent of it. Older versions wrote sub-agents as
 * `<project>/agent-*.jsonl`, naming their parent only inside, in each
 * line's `sessionId`.
 */
function describe(file: RootedFile): DiscoveredFile {
  // The walk built each path from its base, so the rest is what follows.
  const parts = file.path.slice(file.base.length + 1).split(sep);
  // The walk lists only `*.jsonl` files; `basename` costs more per file.
  const name = (parts.at(-1) ?? "").slice(0, -".jsonl".length);
  const inside = parts.slice(1);
  return {
    path: file.path,
    dev: file.dev,
    ino: file.ino,
    size: file.size,
    project: parts.length > 1 ? (parts[0] ?? "unknown") : "unknown",
    session: sessionOf(inside, name),
    session_from_line: inside.length === 1 && name.startsWith("agent-"),
  };
}

function sessionOf(inside: readonly string[], name: string): string {
  const sub = inside.indexOf("subagents");
  if (sub >= 1) return inside[sub - 1] ?? name;
  if (inside.length > 1) return inside[0] ?? name;
  return name;
}
