import { parentPort } from "node:worker_threads";
import { scanFile } from "./scan-file.js";
import type { ScanWork } from "./scan-threads.js";

// Runs in a worker thread: waits for the work, then claims files one by
// one and posts each outcome.
parentPort?.once("message", ({ targets, next }: ScanWork) => {
  const port = parentPort;
  if (!port) return;
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    const target = targets[index];
    if (!target) break;
    port.postMessage({ index, outcome: scanFile(target) });
  }
  // Said before exiting: the caller need not wait for the thread to end.
  port.postMessage({ end: true });
});
