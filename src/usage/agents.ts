import { discoverClaude } from "../importers/claude/discover.js";
import { claudeRoots } from "../importers/claude/roots.js";
import { discoverCodex } from "../importers/codex/discover.js";
import { codexProject } from "../importers/codex/project.js";
import { codexRoots } from "../importers/codex/roots.js";
import type { DiscoveredFile } from "../importers/plan.js";
import type { ProblemLog } from "../importers/problems.js";
import {
  nameProject,
  type ProjectMap,
  type ProjectName,
} from "../importers/project-map.js";
import type { RootOptions } from "../importers/roots.js";
import type { ImporterName } from "../importers/scan-target.js";

/** How `usage` finds and names one agent's logs. */
interface AgentLogs {
  find(options: RootOptions, problems: ProblemLog): DiscoveredFile[];
  name(projects: ProjectMap | undefined, folder: string): ProjectName;
}

/** Every agent `usage` reads; a new importer must add itself here. */
export const AGENT_LOGS: Readonly<Record<ImporterName, AgentLogs>> =
  Object.freeze({
    claude: {
      find: (options, problems) =>
        discoverClaude(claudeRoots(options), problems),
      name: (projects, folder) => nameProject(projects, folder),
    },
    codex: {
      find: (options, problems) => discoverCodex(codexRoots(options), problems),
      name: (projects, cwd) => codexProject(projects, cwd),
    },
  });
