import { looksLikeObject } from "../json-shape.js";
import {
  locateParts,
  readUsageLineFast,
  type UsageLineParts,
} from "./fast-line.js";
import { isWithoutUsage } from "./line-type.js";
import { RepeatFilter } from "./repeat-filter.js";
import {
  type ClaudeUsageLine,
  type LineReading,
  readClaudeObject,
} from "./usage-line.js";

// Every usage Claude Code writes has `"input_tokens":`: the usage object
// is found from it.
const INPUT_TOKENS = Buffer.from('"input_tokens":');
const USAGE = Buffer.from('"usage":{');
/** How far before `"input_tokens":` its `"usage":{` may start. */
const USAGE_WINDOW = 4096;
const NEWLINE = 10;

/** Receives what the scan finds, with 1-based line numbers. */
export interface ClaudeLineSink {
  /** Whether lines' `sessionId` is needed (it sits before `message`). */
  readonly wantsSessionId: boolean;
  usage(line: ClaudeUsageLine, lineNo: number): void;
  malformed(lineNo: number, reason: string): void;
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
  const how = { wantHead: sink.wantsSessionId, repeat: new RepeatFilter() };
  let lineNo = lineBefore;
  let lineStart = start;
  while (lineStart < end) {
    const newline = buf.indexOf(NEWLINE, lineStart);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    lineNo += 1;
    const inputAt = usageCandidate(buf, lineStart, lineEnd);
    if (inputAt >= 0) {
      const reading = readCandidate(buf, lineStart, lineEnd, inputAt, how);
      if (reading) report(reading, lineNo, sink);
    } else if (!looksLikeObject(buf, lineStart, lineEnd)) {
      sink.malformed(lineNo, "not a JSON object (truncated line?)");
    }
    lineStart = lineEnd + 1;
  }
  return lineNo;
}

/**
 * Where the line's last `"input_tokens":` is, or -1. Lines of a type
 * without usage are not searched. In an assistant line the usage comes
 * last, so the search runs from the end.
 */
function usageCandidate(buf: Buffer, start: number, end: number): number {
  if (isWithoutUsage(buf, start, end)) return -1;
  const at = buf.subarray(start, end).lastIndexOf(INPUT_TOKENS);
  return at < 0 ? -1 : start + at;
}

/** A candidate line read, or undefined when it repeats the last one. */
function readCandidate(
  buf: Buffer,
  start: number,
  end: number,
  inputAt: number,
  how: { readonly wantHead: boolean; readonly repeat: RepeatFilter },
): LineReading | undefined {
  const usageAt = usageBefore(buf, start, inputAt);
  const parts = usageAt < 0 ? undefined : locateParts(buf, start, end, usageAt);
  if (parts && how.repeat.repeats(buf, parts)) return undefined;
  const reading = readUsageLine(buf, start, end, parts, how.wantHead);
  if (parts && reading.kind === "usage" && reading.line.messageId) {
    how.repeat.remember(buf, parts);
  } else {
    how.repeat.forget();
  }
  return reading;
}

/** Where the usage object holding `"input_tokens":` starts, or -1. */
function usageBefore(buf: Buffer, lineStart: number, inputAt: number): number {
  const at = buf.lastIndexOf(USAGE, inputAt - USAGE.length);
  return at >= Math.max(lineStart, inputAt - USAGE_WINDOW) ? at : -1;
}

function readUsageLine(
  buf: Buffer,
  start: number,
  end: number,
  parts: UsageLineParts | undefined,
  wantHead: boolean,
): LineReading {
  const fast = parts && readUsageLineFast(buf, parts, wantHead);
  if (fast) return fast;
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
