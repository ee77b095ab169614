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
 * Worker threads for one scan, the calling thread not counted; idle, they
 * keep no process alive. Running from TypeScript sources (tests), there is
 * no compiled worker and there are no threads.
 */
export class ScanThreads {
  readonly #threads: Thread[];

  private constructor(threads: Thread[]) {
    this.#threads = threads;
  }

  /**
   * One thread per core beyond the calling one, at most 7. `script` is the
   * worker's module, for tests.
   */
  static start(
    threads = availableParallelism(),
    script: URL = WORKER_URL,
  ): ScanThreads {
    const found =
      script.protocol !== "file:" || existsSync(fileURLToPath(script));
    const count = found ? Math.max(0, Math.min(threads, 8) - 1) : 0;
    return new ScanThreads(Array.from({ length: count }, () => spawn(script)));
  }

  get size(): number {
    return this.#threads.length;
  }

  /** Sends the work to every thread; resolves once each has claimed its last. */
  run(work: ScanWork, done: Done): Promise<void> {
    return Promise.all(
      this.#threads.map((thread) => runThread(thread, work, done)),
    ).then(() => undefined);
  }
}

interface Thread {
  readonly worker: Worker;
  /** Rejects when the thread fails or ends, whenever that is. */
  readonly stopped: Promise<never>;
}

function spawn(script: URL): Thread {
  const worker = new Worker(script);
  worker.unref();
  // Listened for from the start: a thread that fails while it waits must
  // not bring the process down, and must fail the scan it is given.
  const stopped = new Promise<never>((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(new Error(`scan worker stopped early with exit code ${code}`));
    });
  });
  stopped.catch(() => undefined);
  return { worker, stopped };
}

function runThread(thread: Thread, work: ScanWork, done: Done): Promise<void> {
  const { worker } = thread;
  const finished = new Promise<void>((resolve) => {
    worker.on("message", (m: WorkerMessage) => {
      if ("end" in m) {
        worker.unref();
        resolve();
      } else {
        done(m.index, unpackOutcome(m.packed));
      }
    });
  });
  // Waited for now: the process must stay up until the thread is done.
  worker.ref();
  worker.postMessage(work);
  return Promise.race([finished, thread.stopped]);
}
