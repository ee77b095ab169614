import { parentPort } from "node:worker_threads";
import { LineSplitter } from "./line-splitter.js";
import { parseLines } from "./parse-lines.js";

/** Messages the ingest thread sends: bytes of input, then the end. */
export type ToWorker = { readonly bytes: Uint8Array } | { readonly end: true };

const port = parentPort;
if (port) {
  const splitter = new LineSplitter();
  port.on("message", (message: ToWorker) => {
    const lines =
      "bytes" in message
        ? splitter.push(
            Buffer.from(
              message.bytes.buffer,
              message.bytes.byteOffset,
              message.bytes.byteLength,
            ),
          )
        : splitter.end();
    port.postMessage(parseLines(lines));
    if ("end" in message) port.close();
  });
}
