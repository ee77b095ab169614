/**
 * What an import remembers of one log file, as plain JSON for the store to
 * keep between runs. The next import reads only what follows `offset`.
 */
export interface FileState {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  /** Bytes seen, including a half-written last line not yet consumed. */
  readonly size: number;
  /** End of the last complete line read. */
  readonly offset: number;
  /** Complete lines before `offset`, for `file:line` in messages. */
  readonly line: number;
  /** Fingerprint of the first bytes, to notice a replaced file. */
  readonly head: string;
  /** Fingerprint of the bytes just before `offset`, to notice a rewrite. */
  readonly edge: string;
  /** The importer's own carry-over between reads (Codex: model, totals). */
  readonly context?: Readonly<Record<string, unknown>>;
}

/** Identity and size of a file, as `stat` gives them. */
export interface FileStat {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
}

/** Where to start reading a file, given what the last import saw. */
export type ReadPlan =
  | { readonly action: "skip" }
  | { readonly action: "read"; readonly resume: FileState | null };

/**
 * Plans a read without touching the file's bytes: an unchanged file is
 * skipped; a grown one resumes at its offset; a replaced or truncated one
 * is read again from the start.
 */
export function planRead(stat: FileStat, previous?: FileState): ReadPlan {
  if (!previous) return { action: "read", resume: null };
  const sameFile = stat.dev === previous.dev && stat.ino === previous.ino;
  if (!sameFile || stat.size < previous.size) {
    return { action: "read", resume: null };
  }
  if (stat.size === previous.size) return { action: "skip" };
  return { action: "read", resume: previous };
}
