import { ValidationError } from "../domain/errors.js";
import type { LedgerRecord } from "../domain/normalized.js";
import type { Line } from "./line-splitter.js";
import { normalizeRecord } from "./normalize.js";

export interface LineError {
  readonly line: number;
  readonly message: string;
}

/** Valid records with their line numbers, and what was wrong with the rest. */
export interface ParsedLines {
  readonly records: LedgerRecord[];
  readonly lines: number[];
  readonly errors: LineError[];
}

export function parseLines(input: readonly Line[]): ParsedLines {
  const out: ParsedLines = { records: [], lines: [], errors: [] };
  for (const line of input) {
    if (line.text.trim() === "") continue;
    const parsed = parseLine(line.text);
    if (typeof parsed === "string") {
      out.errors.push({ line: line.number, message: parsed });
    } else {
      out.records.push(parsed);
      out.lines.push(line.number);
    }
  }
  return out;
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
