import type { Readable } from "node:stream";
import type { LedgerRecord } from "../domain/normalized.js";
import type { Store } from "../store/store.js";
import type { LineError } from "./parse-lines.js";
import { parsedChunks } from "./parsed-chunks.js";

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
 * Validates each line of an NDJSON stream on its own and stores every
 * valid one. A bad line is reported and skipped; it never stops the rest
 * or leaves half a record.
 */
export async function ingestStream(
  input: Readable,
  store: Store,
  options: IngestOptions,
): Promise<IngestSummary> {
  const run = new IngestRun(store, options);
  for await (const chunk of parsedChunks(input)) {
    for (const e of chunk.errors) run.reject(e);
    run.add(chunk.records, chunk.lines);
    if (run.full) await run.flush();
  }
  await run.finish();
  return run.summary();
}

class IngestRun {
  private readonly counts = { accepted: 0, duplicates: 0, rejected: 0 };
  private readonly errors: LineError[] = [];
  private records: LedgerRecord[] = [];
  private lines: number[] = [];
  private readonly writing: Promise<void>[] = [];
  private readonly batchSize: number;

  constructor(
    private readonly store: Store,
    private readonly options: IngestOptions,
  ) {
    this.batchSize = options.batchSize ?? 10_000;
  }

  get full(): boolean {
    return this.records.length >= this.batchSize;
  }

  add(records: readonly LedgerRecord[], lines: readonly number[]): void {
    for (const r of records) this.records.push(r);
    for (const l of lines) this.lines.push(l);
  }

  reject(error: LineError): void {
    this.counts.rejected += 1;
    if (this.errors.length < (this.options.maxErrors ?? 1_000))
      this.errors.push(error);
  }

  /**
   * Sends the batch to the store. Up to `store.concurrency` batches are in
   * flight at once, so a server store works on one while the next is built.
   */
  async flush(): Promise<void> {
    if (this.records.length > 0) {
      const lines = this.lines;
      const write = this.store.write(this.records).then((result) => {
        this.counts.accepted += result.accepted;
        this.counts.duplicates += result.duplicates;
        for (const c of result.conflicts) {
          this.reject({ line: lines[c.index] ?? 0, message: c.message });
        }
        this.options.onBatch?.(this.summary());
      });
      this.writing.push(write);
      this.records = [];
      this.lines = [];
    }
    while (this.writing.length >= this.store.concurrency) {
      await this.writing.shift();
    }
  }

  async finish(): Promise<void> {
    await this.flush();
    await Promise.all(this.writing.splice(0));
  }

  summary(): IngestSummary {
    const errors = [...this.errors]
      .sort((a, b) => a.line - b.line)
      .map((e) => `${this.options.name}:${e.line}: ${e.message}`);
    return { ...this.counts, errors };
  }
}
