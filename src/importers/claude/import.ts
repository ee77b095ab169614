import { ProblemLog } from "../problems.js";
import { nameProject } from "../project-map.js";
import {
  type ImportOptions,
  type ImportResult,
  runImport,
} from "../run-import.js";
import { discoverClaude } from "./discover.js";
import { claudeRoots } from "./roots.js";

/**
 * Reads Claude Code logs into `usage` records (one per API response,
 * counted once wherever it repeats) and `task` records (one per session,
 * sub-agents included). Pass the returned `files` back as `previous` to
 * read only what was appended since.
 *
 * @example
 * const first = await importClaude({ dirs: [home] });
 * // …persist first.files; later:
 * const next = await importClaude({ dirs: [home], previous: first.files });
 */
export function importClaude(
  options: ImportOptions = {},
): Promise<ImportResult> {
  const problems = new ProblemLog();
  const files = discoverClaude(claudeRoots(options), problems);
  return runImport(
    {
      importer: "claude",
      agent: "claude-code",
      files,
      name: (folder) => nameProject(options.projects, folder),
    },
    options,
    problems,
  );
}
