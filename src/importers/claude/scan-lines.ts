import { looksLikeObject } from "../json-shape.js";
import { Needle, type Search } from "../needle.js";
import type { ResponseUsage } from "../response.js";
import type { ScanTarget } from "../scan-target.js";
import {
  locateParts,
  type PartSearches,
  partSearches,
  readUsageLineFast,
} from "./fast-line.js";
import { isWithoutUsage, TYPE } from "./line-type.js";
import { RepeatFilter } from "./repeat-filter.js";
import {
  type ClaudeUsageLine,
  type LineReading,
  readClaudeObject,
} from "./usage-line.js";

// Claude Code writes every usage object with `input_tokens` first, so one
// search finds where the last one starts.
const USAGE = new Needle('"usage":{"input_tokens":');
const INPUT_TOKENS = new Needle('"input_tokens":');
const NEWLINE = 10;
export const NOT_AN_OBJECT_REASON = "not a JSON object (truncated line?)";
const NOT_AN_OBJECT: LineReading = Object.freeze({
  kind: "malformed",
  reason: NOT_AN_OBJECT_REASON,
});

/** Makes a line's response on demand, from what it was handed with. */
export interface UsageSource {
  response(
    record: number,
    key: string,
    lineNo: number,
    target: ScanTarget,
  ): ResponseUsage;
}

/** Receives what the scan finds, with 1-based line numbers. */
export interface ClaudeLineSink {
  /** Whether lines' `sessionId` is needed (it sits before `message`). */
  readonly wantsSessionId: boolean;
  usage(line: ClaudeUsageLine, lineNo: number): void;
  /**
   * A line with a message id, by its response's key (`responseKey`) and
   * token total; `source` makes its response only if it is wanted. Where
   * a sink has no such method, `usage` gets every line.
   */
  keyed?(
    key: string,
    total: number,
    lineNo: number,
    source: UsageSource,
    record: number,
  ): void;
  malformed(lineNo: number, reason: string): void;
}

/**
 * A response is keyed by `message.id` and `requestId`, or the id alone where
 * there is no request id (Bedrock); wasm/claude-lines.ts writes the same. A
 * line without a message id cannot be told apart from the other lines of
 * its response, so it is not counted.
 */
export function responseKey(
  messageId: string,
  requestId: string | undefined,
): string {
  return `claude:${messageId}:${requestId ?? ""}`;
}

/** What reading the lines of one chunk keeps between lines. */
interface Chunk {
  readonly buf: Buffer;
  readonly wantHead: boolean;
  readonly types: Search;
  readonly parts: PartSearches;
  readonly repeat: RepeatFilter;
}

/**
 * Scans whole lines `[start, end)` of a buffer. Only lines holding a usage
 * object are parsed; the others are checked to look like a JSON object,
 * which catches truncated writes. Returns the last line number.
 */
export function scanClaudeLines(
  buf: Buffer,
  start: number,
  end: number,
  lineBefore: number,
  sink: ClaudeLineSink,
): number {
  // Searches stop at the chunk's end: the buffer's bytes after it are
  // left from earlier reads.
  const lines = buf.subarray(0, end);
  const chunk: Chunk = {
    buf: lines,
    wantHead: sink.wantsSessionId,
    types: TYPE.in(lines),
    parts: partSearches(lines),
    repeat: new RepeatFilter(),
  };
  let lineNo = lineBefore;
  let lineStart = start;
  while (lineStart < end) {
    const newline = buf.indexOf(NEWLINE, lineStart);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    lineNo += 1;
    const reading = readLine(chunk, lineStart, lineEnd);
    if (reading) report(reading, lineNo, sink);
    lineStart = lineEnd + 1;
  }
  return lineNo;
}

/**
 * What one line holds, or undefined when it repeats the last one. Lines of
 * a type without usage are only checked for shape. In an assistant line
 * the usage comes last, so it is searched from the end.
 */
function readLine(
  chunk: Chunk,
  start: number,
  end: number,
): LineReading | undefined {
  const { buf } = chunk;
  if (!isWithoutUsage(chunk.types, buf, start, end)) {
    const usage = USAGE.lastWithin(buf, start, end);
    if (usage >= 0) return readCandidate(chunk, start, end, usage);
    // Keys in another order, or spaces between them: another writer.
    if (INPUT_TOKENS.lastWithin(buf, start, end) >= 0) {
      return parseWhole(buf, start, end);
    }
  }
  return looksLikeObject(buf, start, end) ? undefined : NOT_AN_OBJECT;
}

function readCandidate(
  chunk: Chunk,
  start: number,
  end: number,
  usage: number,
): LineReading | undefined {
  const { buf, repeat } = chunk;
  const parts = locateParts(chunk.parts, start, end, usage);
  if (!parts) return parseWhole(buf, start, end);
  if (repeat.repeats(buf, parts)) return undefined;
  const reading =
    readUsageLineFast(buf, parts, chunk.wantHead) ??
    parseWhole(buf, start, end);
  if (reading.kind === "usage" && reading.line.messageId) {
    repeat.remember(parts);
  } else {
    repeat.forget();
  }
  return reading;
}

function parseWhole(buf: Buffer, start: number, end: number): LineReading {
  let value: unknown;
  try {
    value = JSON.parse(buf.toString("utf8", start, end));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: "malformed", reason: `not valid JSON: ${reason}` };
  }
  return readClaudeObject(value);
}

function report(reading: LineReading, lineNo: number, sink: ClaudeLineSink) {
  if (reading.kind === "usage") sink.usage(reading.line, lineNo);
  else if (reading.kind === "malformed") sink.malformed(lineNo, reading.reason);
}
