export { importClaude } from "./claude/import.js";
export { claudeRoots } from "./claude/roots.js";
export { importCodex } from "./codex/import.js";
export { codexProject } from "./codex/project.js";
export { codexRoots } from "./codex/roots.js";
export type { ReadStats } from "./collect.js";
export type { FileState } from "./file-state.js";
export { fileStateSchema } from "./file-state-schema.js";
export {
  describeProblem,
  type Problem,
  type ProblemReport,
} from "./problems.js";
export type { ProjectMap, ProjectName } from "./project-map.js";
export { projectMapSchema } from "./project-map-schema.js";
export type { RootOptions } from "./roots.js";
export type { ImportOptions, ImportResult } from "./run-import.js";
export type { ScanProgress } from "./scan-pool.js";
