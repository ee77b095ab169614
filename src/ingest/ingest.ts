import type { Readable } from "node:stream";
import type { Store } from "../store/store.js";
import type { LineError, ParsedBatch } from "./line-parser.js";
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
  const batchSize = options.batchSize ?? 10_000;
  const chunks = parsedChunks(input, { dialect: store.dialect, batchSize });
  for await (const chunk of chunks) {
    for (const e of chunk.errors) run.reject(e);
    for (const batch of chunk.batches) await run.write(batch);
  }
  await run.finish();
  return run.summary();
}

class IngestRun {
  private readonly counts = { accepted: 0, duplicates: 0, rejected: 0 };
  private readonly errors: LineError[] = [];
  private readonly writing: Promise<void>[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: IngestOptions,
  ) {}

  reject(error: LineError): void {
    this.counts.rejected += 1;
    if (this.errors.length < (this.options.maxErrors ?? 1_000))
      this.errors.push(error);
  }

  /**
   * Sends a batch to the store. Up to `store.concurrency` batches are in
   * flight at once, so a server store works on one while the next is built.
   */
  async write({ batch, lines }: ParsedBatch): Promise<void> {
    const write = this.store.writeBatch(batch).then((result) => {
      this.counts.accepted += result.accepted;
      this.counts.duplicates += result.duplicates;
      for (const c of result.conflicts) {
        this.reject({ line: lines[c.index] ?? 0, message: c.message });
      }
      this.options.onBatch?.(this.summary());
    });
    // Awaited below or in finish(); until then a failure must not count
    // as unhandled, which would end the process before it is reported.
    write.catch(() => undefined);
    this.writing.push(write);
    while (this.writing.length >= this.store.concurrency) {
      await this.writing.shift();
    }
  }

  async finish(): Promise<void> {
    await Promise.all(this.writing.splice(0));
  }

  summary(): IngestSummary {
    const errors = [...this.errors]
      .sort((a, b) => a.line - b.line)
      .map((e) => `${this.options.name}:${e.line}: ${e.message}`);
    return { ...this.counts, errors };
  }
}
