import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type PackedOutcome, unpackOutcome } from "./packed-outcome.js";
import type { ScanOutcome, ScanTarget } from "./scan-target.js";

const WORKER_URL = new URL("./scan-worker.js", import.meta.url);

/** Called with each outcome and its position in the targets. */
export type Done = (index: number, outcome: ScanOutcome) => void;

/** What a scan worker is sent, once. */
export interface ScanWork {
  readonly targets: readonly ScanTarget[];
  /** The next target to claim, shared by every thread of the scan. */
  readonly next: Int32Array;
}

type WorkerMessage =
  | { readonly index: number; readonly packed: PackedOutcome }
  | { readonly end: true };

/**
 * Worker threads for one scan, the calling thread not counted. They can be
 * started before the files to read are known, so that they boot meanwhile;
 * idle, they keep no process alive. Running from TypeScript sources
 * (tests), there is no compiled worker and there are no threads.
 */
export class ScanThreads {
  readonly #workers: Worker[];
  #used = false;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
  }

  /** One thread per core beyond the calling one, at most 7. */
  static start(threads = availableParallelism()): ScanThreads {
    const count = existsSync(fileURLToPath(WORKER_URL))
      ? Math.max(0, Math.min(threads, 8) - 1)
      : 0;
    return new ScanThreads(
      Array.from({ length: count }, () => {
        const worker = new Worker(WORKER_URL);
        worker.unref();
        return worker;
      }),
    );
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Sends the work to every thread; resolves once each has claimed its last. */
  run(work: ScanWork, done: Done): Promise<void> {
    this.#used = true;
    return Promise.all(
      this.#workers.map((worker) => runWorker(worker, work, done)),
    ).then(() => undefined);
  }

  /** Ends threads that were never given work. */
  stop(): void {
    if (this.#used) return;
    this.#used = true;
    for (const worker of this.#workers) void worker.terminate();
  }
}

function runWorker(worker: Worker, work: ScanWork, done: Done): Promise<void> {
  return new Promise((resolve, reject) => {
    // Waited for now: the process must stay up until the thread is done.
    worker.ref();
    worker.on("message", (m: WorkerMessage) => {
      if ("end" in m) {
        worker.unref();
        resolve();
      } else {
        done(m.index, unpackOutcome(m.packed));
      }
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      reject(new Error(`scan worker stopped early with exit code ${code}`));
    });
    worker.postMessage(work);
  });
}
