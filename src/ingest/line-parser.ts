import { ValidationError } from "../domain/errors.js";
import type { LedgerRecord } from "../domain/normalized.js";
import { batchBuilder } from "../store/batch-builder.js";
import type { DialectName } from "../store/dialect.js";
import type { EncodedBatch } from "../store/encoded-batch.js";
import type { Line } from "./line-splitter.js";
import { normalizeRecord } from "./normalize.js";

export interface LineError {
  readonly line: number;
  readonly message: string;
}

/** A batch for the store, and the input line of each of its records. */
export interface ParsedBatch {
  readonly batch: EncodedBatch;
  readonly lines: readonly number[];
}

/** What one piece of input made: full batches, and what was wrong. */
export interface ParsedLines {
  readonly batches: ParsedBatch[];
  readonly errors: LineError[];
}

/** Turns lines into batches of valid records, `batchSize` records each. */
export class LineParser {
  private readonly builder;
  private lines: number[] = [];

  constructor(
    dialect: DialectName,
    private readonly batchSize: number,
  ) {
    this.builder = batchBuilder(dialect);
  }

  /** Parses lines; with `last`, the batch under way is finished too. */
  parse(input: readonly Line[], last = false): ParsedLines {
    const out: ParsedLines = { batches: [], errors: [] };
    for (const line of input) {
      if (line.text.trim() === "") continue;
      const parsed = parseLine(line.text);
      if (typeof parsed === "string") {
        out.errors.push({ line: line.number, message: parsed });
        continue;
      }
      this.builder.add(parsed);
      this.lines.push(line.number);
      if (this.builder.size >= this.batchSize) out.batches.push(this.finish());
    }
    if (last && this.builder.size > 0) out.batches.push(this.finish());
    return out;
  }

  private finish(): ParsedBatch {
    const batch = { batch: this.builder.finish(), lines: this.lines };
    this.lines = [];
    return batch;
  }
}

function parseLine(text: string): LedgerRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
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
