import { type Dirent, readdirSync, type Stats, statSync } from "node:fs";
import { sep } from "node:path";
import type { ProblemLog } from "./problems.js";

/** A log file found on disk. */
export interface FoundFile {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
}

/**
 * Lists the `*.jsonl` files under `dir`, following symbolic links, sorted by
 * path. A file reached twice is listed once; `seen` carries what earlier
 * walks found, so that a file is listed once across them too. A link loop
 * is walked at most once round.
 */
export function findJsonl(
  dir: string,
  problems: ProblemLog,
  seen = new Set<string>(),
): FoundFile[] {
  const found: FoundFile[] = [];
  const root = statOrNull(dir, problems);
  if (root?.isDirectory() && firstVisit(root, seen)) {
    walk(dir, seen, found, problems);
  }
  return found.sort(byPath);
}

/** Orders files by path, code unit by code unit. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function walk(
  dir: string,
  seen: Set<string>,
  found: FoundFile[],
  problems: ProblemLog,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.add({ kind: "unreadable", file: dir, reason: reason(error) });
    return;
  }
  // Sorted, so that of two paths to one file the same one always wins.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Joined by hand: `join` would normalize each of thousands of paths.
  const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
  for (const entry of entries) {
    visit(`${prefix}${entry.name}`, entry, seen, found, problems);
  }
}

function visit(
  path: string,
  entry: Dirent,
  seen: Set<string>,
  found: FoundFile[],
  problems: ProblemLog,
): void {
  if (entry.isDirectory()) {
    walk(path, seen, found, problems);
    return;
  }
  const jsonl = entry.name.endsWith(".jsonl");
  const linked = entry.isSymbolicLink();
  if (!linked && !(entry.isFile() && jsonl)) return;
  // A dangling link matters only if it claims to be a log.
  const stat = jsonl ? statOrNull(path, problems) : statQuietly(path);
  if (stat?.isDirectory()) {
    if (firstVisit(stat, seen)) walk(path, seen, found, problems);
    return;
  }
  if (jsonl && stat?.isFile() && firstVisit(stat, seen)) {
    found.push({ path, dev: stat.dev, ino: stat.ino, size: stat.size });
  }
}

function firstVisit(stat: Stats, seen: Set<string>): boolean {
  const id = `${stat.isDirectory() ? "d" : "f"}${stat.dev}:${stat.ino}`;
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}

function statOrNull(path: string, problems: ProblemLog): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    problems.add({ kind: "unreadable", file: path, reason: reason(error) });
    return null;
  }
}

function statQuietly(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    // Not a log and not a folder we can enter: nothing to report.
    return null;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
