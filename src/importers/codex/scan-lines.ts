import { looksLikeObject } from "../json-shape.js";
import { isWanted } from "./line-type.js";
import { type CodexEvent, readCodexObject } from "./usage-line.js";

const MARKERS = [
  Buffer.from('"token_count"'),
  Buffer.from('"turn_context"'),
  Buffer.from('"session_meta"'),
];
const NEWLINE = 10;

/** Receives what the scan finds, with 1-based line numbers. */
export interface CodexLineSink {
  event(event: CodexEvent, lineNo: number): void;
  malformed(lineNo: number, reason: string): void;
}

/**
 * Scans whole lines `[start, end)` of a buffer, parsing only the lines that
 * can be session meta, turn context or token counts: told by their types
 * when Codex wrote them first, else by searching the line. Returns the last
 * line number.
 */
export function scanCodexLines(
  buf: Buffer,
  start: number,
  end: number,
  lineBefore: number,
  sink: CodexLineSink,
): number {
  let lineNo = lineBefore;
  let lineStart = start;
  while (lineStart < end) {
    const newline = buf.indexOf(NEWLINE, lineStart);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    lineNo += 1;
    const line = buf.subarray(lineStart, lineEnd);
    const wanted =
      isWanted(buf, lineStart, lineEnd) ??
      MARKERS.some((marker) => line.includes(marker));
    if (wanted) {
      const event = parseLine(line);
      if (event.kind === "malformed") sink.malformed(lineNo, event.reason);
      else sink.event(event, lineNo);
    } else if (!looksLikeObject(buf, lineStart, lineEnd)) {
      sink.malformed(lineNo, "not a JSON object (truncated line?)");
    }
    lineStart = lineEnd + 1;
  }
  return lineNo;
}

function parseLine(line: Buffer): CodexEvent {
  try {
    return readCodexObject(JSON.parse(line.toString("utf8")));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: "malformed", reason: `not valid JSON: ${reason}` };
  }
}
