import type { FileState } from "./file-state.js";
import { type DiscoveredFile, planScan } from "./plan.js";
import type { ProblemLog } from "./problems.js";
import { keepFinal, type ResponseUsage } from "./response.js";
import { type ScanOptions, scanTargets } from "./scan-pool.js";
import type { ImporterName } from "./scan-target.js";

/** How much a read touched. */
export interface ReadStats {
  readonly files_seen: number;
  readonly files_read: number;
  readonly files_unchanged: number;
  readonly bytes_read: number;
  /** Threads that read, the calling one included. */
  readonly threads: number;
}

export interface Collected {
  /** Each response once, by key, with its final usage. */
  readonly responses: ReadonlyMap<string, ResponseUsage>;
  /** New state of every file seen, unchanged ones included. */
  readonly files: readonly FileState[];
  readonly stats: ReadStats;
}

export interface CollectOptions extends ScanOptions {
  readonly previous?: readonly FileState[];
  /** Leave a half-written last line for next time and return states. */
  readonly incremental: boolean;
}

/**
 * Reads what is new in `files` and counts each response once across all of
 * them: where a response appears in several files, the largest usage wins
 * and, among equals, the first file in path order.
 */
export async function collectResponses(
  importer: ImporterName,
  files: readonly DiscoveredFile[],
  options: CollectOptions,
  problems: ProblemLog,
): Promise<Collected> {
  const previous = new Map(options.previous?.map((s) => [s.path, s]));
  const plan = planScan(importer, files, previous, options.incremental);
  const responses = new Map<string, ResponseUsage>();
  // Merged as each file is done, while other threads still read; the
  // result does not depend on the order files finish in.
  const { outcomes, threads } = await scanTargets(plan.targets, {
    ...options,
    onOutcome: (outcome) => {
      for (const response of outcome.responses) keepFinal(responses, response);
      options.onOutcome?.(outcome);
    },
  });
  const states = [...plan.unchanged];
  let bytes_read = 0;
  for (const outcome of outcomes) {
    problems.merge(outcome.problems);
    if (outcome.state) states.push(outcome.state);
    bytes_read += outcome.bytes_read;
  }
  const stats = {
    files_seen: files.length,
    files_read: plan.targets.length,
    files_unchanged: plan.unchanged.length,
    bytes_read,
    threads,
  };
  return { responses, files: states, stats };
}
