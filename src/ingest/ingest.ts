import { ValidationError } from "../domain/errors.js";
import type { LedgerRecord } from "../domain/normalized.js";
import type { Store } from "../store/store.js";
import { normalizeRecord } from "./normalize.js";
import type { Line } from "./read-lines.js";

export interface IngestSummary {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** `FILE:LINE: field: what was expected, what was found`, in line order. */
  readonly errors: string[];
}

export interface IngestOptions {
  /** How the input is named in errors: a path, or `-` for stdin. */
  readonly name: string;
  /** Records per transaction. */
  readonly batchSize?: number;
  /** Errors kept in the summary; the count of rejected lines is exact. */
  readonly maxErrors?: number;
  readonly onBatch?: (summary: Readonly<IngestSummary>) => void;
}

/**
 * Validates each line on its own and stores every valid one. A bad line is
 * reported and skipped; it never stops the rest or leaves half a record.
 */
export async function ingestLines(
  chunks: AsyncIterable<readonly Line[]>,
  store: Store,
  options: IngestOptions,
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
  };
  const errors: { line: number; message: string }[] = [];
  const batchSize = options.batchSize ?? 5_000;
  let records: LedgerRecord[] = [];
  let lines: number[] = [];
  const reject = (line: number, message: string) => {
    summary.rejected += 1;
    if (errors.length < (options.maxErrors ?? 1_000))
      errors.push({ line, message });
  };
  const flush = async () => {
    const result = await store.write(records);
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
    for (const c of result.conflicts) reject(lines[c.index] ?? 0, c.message);
    records = [];
    lines = [];
    options.onBatch?.(summary);
  };
  for await (const chunk of chunks) {
    for (const line of chunk) {
      const parsed = parseLine(line);
      if (parsed === null) continue;
      if (typeof parsed === "string") reject(line.number, parsed);
      else {
        records.push(parsed);
        lines.push(line.number);
      }
    }
    if (records.length >= batchSize) await flush();
  }
  if (records.length > 0) await flush();
  errors.sort((a, b) => a.line - b.line);
  for (const e of errors)
    summary.errors.push(`${options.name}:${e.line}: ${e.message}`);
  return summary;
}

/** A record, an error message, or null for a blank line. */
function parseLine(line: Line): LedgerRecord | string | null {
  if (line.text.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  try {
    return normalizeRecord(value);
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
}
