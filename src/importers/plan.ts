import { type FileState, planRead } from "./file-state.js";
import type { ImporterName, ScanTarget } from "./scan-target.js";
import type { FoundFile } from "./walk.js";

/** A log file with what its path says about it. */
export interface DiscoveredFile extends FoundFile {
  readonly project: string;
  readonly session: string;
  readonly session_from_line: boolean;
}

export interface Plan {
  readonly targets: readonly ScanTarget[];
  /** States of files that have not changed since the last import. */
  readonly unchanged: readonly FileState[];
}

/**
 * Decides what to read from `stat` alone: unchanged files are not opened.
 * `previous` holds the states the last import returned, by path.
 */
export function planScan(
  importer: ImporterName,
  files: readonly DiscoveredFile[],
  previous: ReadonlyMap<string, FileState> | undefined,
  incremental: boolean,
): Plan {
  const targets: ScanTarget[] = [];
  const unchanged: FileState[] = [];
  files.forEach((file, index) => {
    const before = previous?.get(file.path);
    const plan = planRead(file, before);
    if (plan.action === "skip" && before) {
      unchanged.push(before);
      return;
    }
    targets.push({
      importer,
      path: file.path,
      size: file.size,
      index,
      project: file.project,
      session: file.session,
      session_from_line: file.session_from_line,
      incremental,
      resume: plan.action === "read" ? plan.resume : null,
    });
  });
  return { targets, unchanged };
}
