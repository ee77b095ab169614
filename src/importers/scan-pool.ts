import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { responseUsage } from "./response.js";
import { scanFile } from "./scan-file.js";
import type { ScanOutcome, ScanTarget } from "./scan-target.js";

/** How far a read has got, for a progress bar. */
export interface ScanProgress {
  readonly files_done: number;
  readonly files_total: number;
  readonly bytes_done: number;
  readonly bytes_total: number;
}

export interface ScanOptions {
  /** Threads to use, the calling one included; default: one per core. */
  readonly threads?: number;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Called on the calling thread with each file's outcome as it comes. */
  readonly onOutcome?: (outcome: ScanOutcome) => void;
}

/** Below this, starting a worker costs more than it saves. */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;
const WORKER_URL = new URL("./scan-worker.js", import.meta.url);

type Done = (index: number, outcome: ScanOutcome) => void;

type WorkerMessage =
  | { readonly index: number; readonly outcome: ScanOutcome }
  | { readonly end: true };

/**
 * Reads files on several threads, the calling one included, and returns
 * their outcomes in the order of `targets`. Threads claim files one at a
 * time, largest first, so a thread that starts late or runs slow simply
 * takes fewer. Running from TypeScript sources (tests), there is no
 * compiled worker and everything runs on the calling thread.
 */
export async function scanTargets(
  targets: readonly ScanTarget[],
  options: ScanOptions = {},
): Promise<ScanOutcome[]> {
  const order = [...targets].sort((a, b) => bytesToRead(b) - bytesToRead(a));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const outcomes = new Map<string, ScanOutcome>();
  const done = progress(order, options, (index, outcome) => {
    outcomes.set(order[index]?.path ?? "", outcome);
  });
  const workers = Array.from({ length: workerCount(options, order) }, () =>
    runWorker(order, next, done),
  );
  await claimInline(order, next, done);
  await Promise.all(workers);
  return targets.map((t) => outcomes.get(t.path) as ScanOutcome);
}

function workerCount(options: ScanOptions, targets: readonly ScanTarget[]) {
  const bytes = targets.reduce((sum, t) => sum + bytesToRead(t), 0);
  if (bytes < WORKER_MIN_BYTES || !existsSync(fileURLToPath(WORKER_URL))) {
    return 0;
  }
  const threads = options.threads ?? availableParallelism();
  return Math.max(0, Math.min(threads, 8, targets.length) - 1);
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

function runWorker(
  targets: readonly ScanTarget[],
  next: Int32Array,
  done: Done,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { targets, next } });
    worker.on("message", (m: WorkerMessage) => {
      if ("end" in m) resolve();
      else done(m.index, copied(m.outcome));
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      reject(new Error(`scan worker stopped early with exit code ${code}`));
    });
  });
}

/** An outcome from another thread, its responses in this thread's shape. */
function copied(outcome: ScanOutcome): ScanOutcome {
  return { ...outcome, responses: outcome.responses.map(responseUsage) };
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
