import type { TaskInput, UsageInput } from "../domain/records.js";
import {
  type CollectOptions,
  collectResponses,
  type ReadStats,
} from "./collect.js";
import type { FileState } from "./file-state.js";
import type { DiscoveredFile } from "./plan.js";
import type { ProblemLog, ProblemReport } from "./problems.js";
import type { ProjectMap, ProjectName } from "./project-map.js";
import { toTaskRecords, toUsageRecord } from "./records.js";
import type { RootOptions } from "./roots.js";
import type { ScanOptions } from "./scan-pool.js";
import type { ImporterName } from "./scan-target.js";

/** Options of `importClaude` and `importCodex`. */
export interface ImportOptions extends RootOptions, ScanOptions {
  /** The `files` of the last import's result; only what is new is read. */
  readonly previous?: readonly FileState[];
  /** Project and customer names by folder. */
  readonly projects?: ProjectMap;
}

export interface ImportResult {
  /** One per response seen in this read, with its final usage so far. */
  readonly usage: readonly UsageInput[];
  /** One per session seen in this read, spanning what this read saw. */
  readonly tasks: readonly TaskInput[];
  /** Persist these and pass them back as `previous` next time. */
  readonly files: readonly FileState[];
  readonly problems: ProblemReport;
  readonly stats: ReadStats & { readonly responses: number };
}

/** What differs between importers. */
export interface ImportSpec {
  readonly importer: ImporterName;
  readonly agent: string;
  readonly files: readonly DiscoveredFile[];
  readonly name: (project: string) => ProjectName;
}

/** Reads new log lines into usage and task records. */
export async function runImport(
  spec: ImportSpec,
  options: ImportOptions,
  problems: ProblemLog,
): Promise<ImportResult> {
  const collectOptions: CollectOptions = { ...options, incremental: true };
  const collected = await collectResponses(
    spec.importer,
    spec.files,
    collectOptions,
    problems,
  );
  const responses = [...collected.responses.values()];
  return {
    usage: responses.map(toUsageRecord),
    tasks: toTaskRecords(responses, spec.agent, spec.name),
    files: collected.files,
    problems: problems.report(),
    stats: { ...collected.stats, responses: responses.length },
  };
}
