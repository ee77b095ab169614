import type { FileState } from "./file-state.js";
import type { ProblemReport } from "./problems.js";
import type { ReadSpace } from "./read-lines.js";
import type { ResponseUsage } from "./response.js";

export type ImporterName = "claude" | "codex";

/** One file to read, as plain data that can cross to a worker thread. */
export interface ScanTarget {
  readonly importer: ImporterName;
  readonly path: string;
  /** Bytes when planned, to share work out; reading goes on to the end. */
  readonly size: number;
  /** Position in the sorted list of all files read together. */
  readonly index: number;
  readonly project: string;
  /** The session the file belongs to, by its path. */
  readonly session: string;
  /** Take the session from each line instead (old sub-agent files). */
  readonly session_from_line: boolean;
  /**
   * Leave a last line without a newline for the next read and return a
   * state to resume from; a one-off read takes that line as it is.
   */
  readonly incremental: boolean;
  /** Where the last import stopped; null to read from the start. */
  readonly resume: FileState | null;
}

/**
 * The session a response in `target` counts toward: the file's, or for
 * files that take it from each line, the line's own where it has one.
 */
export function responseSession(
  target: ScanTarget,
  lineSession: string | undefined,
): string {
  return target.session_from_line
    ? (lineSession ?? target.session)
    : target.session;
}

/** What reading one file produced. */
export interface ScanOutcome {
  readonly path: string;
  /** Each response once, with the final usage seen in this file. */
  readonly responses: readonly ResponseUsage[];
  readonly problems: ProblemReport;
  /** Null when the file could not be read or the read was not incremental. */
  readonly state: FileState | null;
  readonly bytes_read: number;
}

/** Reads the lines of one file for one importer. */
export interface LineScanner {
  /** Where to read the file to, if the scanner has a place of its own. */
  readonly space?: ReadSpace;
  lines(buf: Buffer, start: number, end: number): void;
  finish(): {
    readonly responses: readonly ResponseUsage[];
    readonly lines: number;
    readonly context?: Readonly<Record<string, unknown>>;
  };
}
