import { ProblemLog } from "../problems.js";
import {
  type ImportOptions,
  type ImportResult,
  runImport,
} from "../run-import.js";
import { discoverCodex } from "./discover.js";
import { codexProject } from "./project.js";
import { codexRoots } from "./roots.js";

/**
 * Reads Codex rollouts into `usage` records (one per token-count event,
 * repeats collapsed) and `task` records (one per session). Pass the
 * returned `files` back as `previous` to read only what was appended since.
 */
export function importCodex(
  options: ImportOptions = {},
): Promise<ImportResult> {
  const problems = new ProblemLog();
  const files = discoverCodex(codexRoots(options), problems);
  return runImport(
    {
      importer: "codex",
      agent: "codex",
      files,
      name: (cwd) => codexProject(options.projects, cwd),
    },
    options,
    problems,
  );
}
