import { parentPort, workerData } from "node:worker_threads";
import { scanFile } from "./scan-file.js";
import type { ScanTarget } from "./scan-target.js";

interface Shared {
  readonly targets: readonly ScanTarget[];
  /** The next target to claim, shared by every thread of the scan. */
  readonly next: Int32Array;
}

// Runs in a worker thread: claims files one by one and posts each outcome.
const port = parentPort;
if (port) {
  const { targets, next } = workerData as Shared;
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    const target = targets[index];
    if (!target) break;
    port.postMessage({ index, outcome: scanFile(target) });
  }
  // Said before exiting: the caller need not wait for the thread to end.
  port.postMessage({ end: true });
}
