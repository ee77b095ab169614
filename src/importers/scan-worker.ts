import { parentPort } from "node:worker_threads";
import { packOutcome } from "./packed-outcome.js";
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
    const packed = packOutcome(scanFile(target));
    port.postMessage({ index, packed }, [packed.numbers.buffer]);
  }
  // Said before exiting: the caller need not wait for the thread to end.
  port.postMessage({ end: true });
});
