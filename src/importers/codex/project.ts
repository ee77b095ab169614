import { basename } from "node:path";
import {
  nameProject,
  type ProjectMap,
  type ProjectName,
} from "../project-map.js";

/** A Codex working directory is mapped by its full path or its last part. */
export function codexProject(
  projects: ProjectMap | undefined,
  cwd: string,
): ProjectName {
  return nameProject(projects, basename(cwd) || cwd, cwd);
}
