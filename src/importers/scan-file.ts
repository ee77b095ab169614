import { closeSync, fstatSync, openSync } from "node:fs";
import { claudeScanner } from "./claude/scanner.js";
import { codexScanner } from "./codex/scanner.js";
import type { FileState } from "./file-state.js";
import { fingerprints } from "./fingerprint.js";
import { ProblemLog } from "./problems.js";
import { type ReadResult, readLines } from "./read-lines.js";
import type {
  ImporterName,
  LineScanner,
  ScanOutcome,
  ScanTarget,
} from "./scan-target.js";

type ScannerFactory = (
  target: ScanTarget,
  lineBefore: number,
  problems: ProblemLog,
  context: Readonly<Record<string, unknown>> | undefined,
) => LineScanner;

const SCANNERS: Readonly<Record<ImporterName, ScannerFactory>> = Object.freeze({
  claude: claudeScanner,
  codex: codexScanner,
});

/**
 * Reads one file from where the last import stopped (or from the start if
 * the file was replaced or rewritten there) and returns its responses and
 * its new state. A file that cannot be opened or read is named in the
 * problems, not thrown.
 */
export function scanFile(target: ScanTarget): ScanOutcome {
  const problems = new ProblemLog();
  let fd: number;
  try {
    fd = openSync(target.path, "r");
  } catch (error) {
    return unreadable(target, problems, error);
  }
  try {
    return readOpen(fd, target, problems);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return unreadable(target, problems, error);
  } finally {
    closeSync(fd);
  }
}

function readOpen(
  fd: number,
  target: ScanTarget,
  problems: ProblemLog,
): ScanOutcome {
  const resume = stillValid(fd, target.resume);
  const from = resume?.offset ?? 0;
  const scanner = SCANNERS[target.importer](
    target,
    resume?.line ?? 0,
    problems,
    resume?.context,
  );
  const read = readLines(
    fd,
    from,
    target.incremental,
    (buf, start, end) => scanner.lines(buf, start, end),
    scanner.space,
  );
  const done = scanner.finish();
  return {
    path: target.path,
    responses: done.responses,
    problems: problems.report(),
    state: target.incremental ? stateAfter(fd, target.path, read, done) : null,
    bytes_read: read.offset + read.pending - from,
  };
}

function stateAfter(
  fd: number,
  path: string,
  read: ReadResult,
  done: ReturnType<LineScanner["finish"]>,
): FileState {
  const stat = fstatSync(fd);
  return {
    path,
    dev: stat.dev,
    ino: stat.ino,
    size: read.offset + read.pending,
    offset: read.offset,
    line: done.lines,
    ...fingerprints(fd, read.offset),
    ...(done.context ? { context: done.context } : {}),
  };
}

/** The resume point, unless the bytes around it changed since. */
function stillValid(fd: number, resume: FileState | null): FileState | null {
  if (!resume) return null;
  const now = fingerprints(fd, resume.offset);
  return now.head === resume.head && now.edge === resume.edge ? resume : null;
}

/** An error from the file system (it has a code like ENOENT or EIO). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

function unreadable(
  target: ScanTarget,
  problems: ProblemLog,
  error: unknown,
): ScanOutcome {
  const reason = error instanceof Error ? error.message : String(error);
  problems.add({ kind: "unreadable", file: target.path, reason });
  return {
    path: target.path,
    responses: [],
    problems: problems.report(),
    state: null,
    bytes_read: 0,
  };
}
