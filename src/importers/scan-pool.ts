import { scanFile } from "./scan-file.js";
import type { ScanOutcome, ScanTarget } from "./scan-target.js";
import { type Done, ScanThreads } from "./scan-threads.js";

/** How far a read has got, for a progress bar. */
export interface ScanProgress {
  readonly files_done: number;
  readonly files_total: number;
  readonly bytes_done: number;
  readonly bytes_total: number;
}

export interface ScanOptions {
  /**
   * Threads to use, the calling one included; default: one per core from
   * WORKER_MIN_BYTES of logs to read, else one.
   */
  readonly threads?: number;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Called on the calling thread with each file's outcome as it comes. */
  readonly onOutcome?: (outcome: ScanOutcome) => void;
}

/**
 * Below this, a worker costs more than it saves. It boots node's
 * environment (twice as slowly beside a busy thread), and on two cores the
 * two threads slow each other: at 200 MiB two threads took 0.29 s against
 * one's 0.26, at 600 MiB 0.47 against 0.54 (docs/BENCHMARKS.md).
 */
const WORKER_MIN_BYTES = 256 * 1024 * 1024;

export interface Scanned {
  /** In the order of the targets. */
  readonly outcomes: ScanOutcome[];
  /** Threads that read, the calling one included. */
  readonly threads: number;
}

/**
 * Reads files on several threads, the calling one included, and returns
 * their outcomes in the order of `targets`. Threads claim files one at a
 * time, largest first, so a thread that starts late or runs slow simply
 * takes fewer.
 */
export async function scanTargets(
  targets: readonly ScanTarget[],
  options: ScanOptions = {},
): Promise<Scanned> {
  const order = [...targets].sort((a, b) => bytesToRead(b) - bytesToRead(a));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const outcomes = new Map<string, ScanOutcome>();
  const done = progress(order, options, (index, outcome) => {
    outcomes.set(order[index]?.path ?? "", outcome);
  });
  const pool = threadsFor(order, options);
  const threads = pool?.run({ targets: order, next }, done);
  // A thread that fails fails the scan, once this thread has read its share.
  threads?.catch(() => undefined);
  await claimInline(order, next, done);
  await threads;
  return {
    outcomes: targets.map((t) => outcomes.get(t.path) as ScanOutcome),
    threads: 1 + (pool?.size ?? 0),
  };
}

/** The threads asked for, or worth starting, for these targets, if any. */
function threadsFor(targets: readonly ScanTarget[], options: ScanOptions) {
  const bytes = targets.reduce((sum, t) => sum + bytesToRead(t), 0);
  const worth = options.threads
    ? options.threads > 1
    : bytes >= WORKER_MIN_BYTES;
  if (!worth || targets.length < 2) return undefined;
  const pool = ScanThreads.start(options.threads);
  return pool.size > 0 ? pool : undefined;
}

async function claimInline(
  targets: readonly ScanTarget[],
  next: Int32Array,
  done: Done,
): Promise<void> {
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    const target = targets[index];
    if (!target) return;
    done(index, scanFile(target));
    // Let worker messages (and progress) through between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function progress(
  targets: readonly ScanTarget[],
  options: ScanOptions,
  record: Done,
): Done {
  const bytes_total = targets.reduce((sum, t) => sum + bytesToRead(t), 0);
  let files_done = 0;
  let bytes_done = 0;
  return (index, outcome) => {
    record(index, outcome);
    options.onOutcome?.(outcome);
    files_done += 1;
    bytes_done += outcome.bytes_read;
    options.onProgress?.({
      files_done,
      files_total: targets.length,
      bytes_done: Math.min(bytes_done, bytes_total),
      bytes_total,
    });
  };
}

function bytesToRead(target: ScanTarget): number {
  return Math.max(0, target.size - (target.resume?.offset ?? 0));
}
