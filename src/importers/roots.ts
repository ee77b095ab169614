import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ProblemLog } from "./problems.js";
import { byPath, type FoundFile, findJsonl } from "./walk.js";

/** Where to look for logs; the process environment and home by default. */
export interface RootOptions {
  /** Folders named on the command line; they win over everything else. */
  readonly dirs?: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly home?: string;
}

/** The roots to read and whether the user named them. */
export interface Roots {
  readonly roots: readonly string[];
  readonly explicit: boolean;
}

/** A found file and the folder it was found under. */
export interface RootedFile extends FoundFile {
  readonly base: string;
}

/**
 * The `*.jsonl` files under each root's `subdirs`, sorted by path, each
 * file once. A root the user named that has none of the subdirs is
 * reported; a default root that does not exist is not.
 */
export function filesUnder(
  roots: Roots,
  subdirs: readonly string[],
  problems: ProblemLog,
): RootedFile[] {
  const files: RootedFile[] = [];
  const seen = new Set<string>();
  for (const root of roots.roots) {
    const present = subdirs.filter((dir) => existsSync(join(root, dir)));
    if (present.length === 0 && roots.explicit) {
      const wanted = subdirs.map((dir) => `${dir}/`).join(" or ");
      problems.add({
        kind: "unreadable",
        file: root,
        reason: `no ${wanted} folder here; name the folder that holds it`,
      });
    }
    for (const dir of present) {
      const base = join(root, dir);
      for (const { path, dev, ino, size } of findJsonl(base, problems, seen)) {
        files.push({ path, dev, ino, size, base });
      }
    }
  }
  return files.sort(byPath);
}
