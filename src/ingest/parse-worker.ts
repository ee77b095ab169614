import { parentPort, workerData } from "node:worker_threads";
import type { DialectName } from "../store/dialect.js";
import { LineParser } from "./line-parser.js";
import { LineSplitter } from "./line-splitter.js";

/** Messages the ingest thread sends: bytes of input, then the end. */
export type ToWorker = { readonly bytes: Uint8Array } | { readonly end: true };

/** What the worker is started with. */
export interface WorkerOptions {
  readonly dialect: DialectName;
  readonly batchSize: number;
}

const port = parentPort;
if (port) {
  const { dialect, batchSize } = workerData as WorkerOptions;
  const splitter = new LineSplitter();
  const parser = new LineParser(dialect, batchSize);
  port.on("message", (message: ToWorker) => {
    const parsed =
      "bytes" in message
        ? parser.parse(
            splitter.push(
              Buffer.from(
                message.bytes.buffer,
                message.bytes.byteOffset,
                message.bytes.byteLength,
              ),
            ),
          )
        : parser.parse(splitter.end(), true);
    port.postMessage(parsed);
    if ("end" in message) port.close();
  });
}
