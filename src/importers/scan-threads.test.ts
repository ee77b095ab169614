import { describe, expect, it } from "vitest";
import { ScanThreads } from "./scan-threads.js";

const script = (code: string) =>
  new URL(`data:text/javascript,${encodeURIComponent(code)}`);
const work = () => ({
  targets: [],
  next: new Int32Array(new SharedArrayBuffer(4)),
});

describe("ScanThreads", () => {
  it("fails the scan of a thread that failed while it waited", async () => {
    const threads = ScanThreads.start(2, script("throw new Error('boom')"));
    expect(threads.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(threads.run(work(), () => undefined)).rejects.toThrow("boom");
  });

  it("ends once each thread says it has claimed its last", async () => {
    const threads = ScanThreads.start(
      3,
      script(`import { parentPort } from "node:worker_threads";
        parentPort.once("message", () => parentPort.postMessage({ end: true }));`),
    );
    expect(threads.size).toBe(2);
    await expect(threads.run(work(), () => undefined)).resolves.toBeUndefined();
  });

  it("has no threads for one core, or without a compiled worker", () => {
    expect(ScanThreads.start(1).size).toBe(0);
    // Tests run the TypeScript sources, beside which no worker is built.
    expect(ScanThreads.start(4).size).toBe(0);
  });
});
