import type { LedgerRecord } from "../domain/normalized.js";
import { normalizeRecord } from "../ingest/normalize.js";
import { loadFileStates, saveFileStates } from "../store/import-files.js";
import type { Store } from "../store/store.js";
import { importClaude } from "./claude/import.js";
import { importCodex } from "./codex/import.js";
import type { FileState } from "./file-state.js";
import type { ProblemReport } from "./problems.js";
import type { ImportOptions, ImportResult } from "./run-import.js";
import type { ImporterName } from "./scan-target.js";

const IMPORTERS: Readonly<
  Record<ImporterName, (options: ImportOptions) => Promise<ImportResult>>
> = Object.freeze({ claude: importClaude, codex: importCodex });

/** Records per store transaction. */
const BATCH = 10_000;

export interface StoreImportSummary {
  readonly importer: ImporterName;
  readonly files_seen: number;
  readonly files_read: number;
  readonly files_unchanged: number;
  readonly bytes_read: number;
  /** Threads that read, the calling one included. */
  readonly threads: number;
  readonly sessions: number;
  readonly responses: number;
  /** New records, and stored usage that grew to its final counts. */
  readonly accepted: number;
  readonly duplicates: number;
  /** Records the store refused, each with its reason. */
  readonly conflicts: readonly string[];
  /** Responses whose counts no record can hold, each with its reason. */
  readonly rejected: readonly string[];
  readonly problems: ProblemReport;
}

/**
 * Reads what is new in an agent's logs into the ledger: the files' states
 * from the last import decide where each read starts, and are kept again
 * once the records are stored. Importing twice, or two imports at once,
 * never counts a response twice: its record id is the response's key and
 * the store keeps its largest usage.
 */
export async function importIntoStore(
  store: Store,
  importer: ImporterName,
  options: Omit<ImportOptions, "previous"> = {},
): Promise<StoreImportSummary> {
  const previous = await loadFileStates(store.db, importer);
  const result = await IMPORTERS[importer]({ ...options, previous });
  const { records, rejected } = toLedger(result);
  const written = await writeAll(store, records);
  await saveFileStates(store.db, importer, changed(result.files, previous));
  return {
    importer,
    files_seen: result.stats.files_seen,
    files_read: result.stats.files_read,
    files_unchanged: result.stats.files_unchanged,
    bytes_read: result.stats.bytes_read,
    threads: result.stats.threads,
    sessions: result.tasks.length,
    responses: result.stats.responses,
    ...written,
    rejected,
    problems: result.problems,
  };
}

function toLedger(result: ImportResult) {
  const records: LedgerRecord[] = [];
  const rejected: string[] = [];
  for (const input of [...result.tasks, ...result.usage]) {
    try {
      records.push(normalizeRecord(input));
    } catch (error) {
      const what = `${input.kind} ${input.id} of session ${input.correlation_id}`;
      rejected.push(`${what}: ${(error as Error).message}`);
    }
  }
  return { records, rejected };
}

async function writeAll(store: Store, records: readonly LedgerRecord[]) {
  const total = { accepted: 0, duplicates: 0, conflicts: [] as string[] };
  for (let i = 0; i < records.length; i += BATCH) {
    const result = await store.write(records.slice(i, i + BATCH));
    total.accepted += result.accepted;
    total.duplicates += result.duplicates;
    for (const c of result.conflicts) total.conflicts.push(c.message);
  }
  return total;
}

/** States worth writing: files new to the ledger or read further. */
function changed(
  states: readonly FileState[],
  previous: readonly FileState[],
): FileState[] {
  const before = new Map(previous.map((s) => [s.path, s]));
  return states.filter((s) => {
    const old = before.get(s.path);
    return (
      !old ||
      old.size !== s.size ||
      old.offset !== s.offset ||
      old.ino !== s.ino ||
      old.dev !== s.dev
    );
  });
}
