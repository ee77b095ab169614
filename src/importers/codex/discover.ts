import { basename } from "node:path";
import type { DiscoveredFile } from "../plan.js";
import type { ProblemLog } from "../problems.js";
import { filesUnder, type Roots } from "../roots.js";

const SESSION_ID =
  /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Every Codex rollout under the roots' `sessions/` and `archived_sessions/`,
 * sorted by path. The session id and working directory come from inside
 * the file; the id in the file name stands in until then.
 */
export function discoverCodex(
  roots: Roots,
  problems: ProblemLog,
): DiscoveredFile[] {
  return filesUnder(roots, ["sessions", "archived_sessions"], problems).map(
    ({ base: _, ...file }) => {
      const name = basename(file.path, ".jsonl");
      return {
        ...file,
        project: "unknown",
        session: SESSION_ID.exec(name)?.[1] ?? name,
        session_from_line: true,
      };
    },
  );
}
