import type { Writable } from "node:stream";
import type { ScanProgress } from "../importers/scan-pool.js";
import type { Io } from "./io.js";

const WIDTH = 24;

/** One line on a terminal, redrawn in place as files are read. */
export interface ProgressBar {
  update(progress: ScanProgress): void;
  /** Wipes the line, so that what is written next starts clean. */
  clear(): void;
}

/**
 * Whether a bar belongs on stderr: only on a terminal, never when the
 * output is piped or captured, and never under a test runner.
 */
export function wantsProgress(io: Io): boolean {
  const terminal = (io.stderr as { isTTY?: boolean }).isTTY === true;
  return terminal && !io.env.VITEST;
}

/**
 * A bar showing the share of bytes read. It is redrawn only when the
 * whole percentage changes. Writes are not awaited: a terminal takes
 * them synchronously.
 */
export function progressBar(stream: Writable): ProgressBar {
  let shown = -1;
  let drawn = 0;
  return {
    update(progress) {
      const share = shareDone(progress);
      const percent = Math.floor(share * 100);
      if (percent === shown) return;
      shown = percent;
      const line = barLine(share, percent, progress);
      stream.write(`\r${line.padEnd(drawn)}`);
      drawn = line.length;
    },
    clear() {
      if (drawn > 0) stream.write(`\r${" ".repeat(drawn)}\r`);
      drawn = 0;
      shown = -1;
    },
  };
}

function shareDone(p: ScanProgress): number {
  if (p.bytes_total > 0) return p.bytes_done / p.bytes_total;
  return p.files_total > 0 ? p.files_done / p.files_total : 1;
}

function barLine(share: number, percent: number, p: ScanProgress): string {
  const filled = Math.round(share * WIDTH);
  const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
  const files = `${p.files_done}/${p.files_total} files`;
  return `reading logs [${bar}] ${String(percent).padStart(3)}% ${files}`;
}
