import type { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { LineParser, type ParsedLines } from "./line-parser.js";
import { LineSplitter } from "./line-splitter.js";
import type { ToWorker, WorkerOptions } from "./parse-worker.js";

/**
 * The parser's heap. Left to itself V8 grows a busy worker's heap far past
 * what parsing a chunk needs; these bounds keep a million-record ingest
 * within a few hundred megabytes at no cost in speed.
 */
const WORKER_HEAP = {
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 16,
};

/** Chunks sent to the parser and not yet stored; bounds memory. */
const IN_FLIGHT = 4;

/**
 * Parses an NDJSON stream chunk by chunk into batches encoded for a store.
 * Compiled, the parsing runs on a worker thread while the caller writes
 * to the store; from source (tests) it runs inline. Both give the same
 * batches.
 */
export function parsedChunks(
  input: Readable,
  options: WorkerOptions,
): AsyncGenerator<ParsedLines> {
  const worker = new URL("./parse-worker.js", import.meta.url);
  return import.meta.url.endsWith(".js")
    ? onWorker(input, worker, options)
    : inline(input, options);
}

async function* inline(
  input: Readable,
  options: WorkerOptions,
): AsyncGenerator<ParsedLines> {
  const splitter = new LineSplitter();
  const parser = new LineParser(options.dialect, options.batchSize);
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    yield parser.parse(splitter.push(bytesOf(chunk)));
  }
  yield parser.parse(splitter.end(), true);
}

async function* onWorker(
  input: Readable,
  url: URL,
  options: WorkerOptions,
): AsyncGenerator<ParsedLines> {
  const worker = new Worker(url, {
    resourceLimits: WORKER_HEAP,
    workerData: options,
  });
  const queue = new ChunkQueue(worker);
  const feeding = feed(input, worker, queue).catch((error: unknown) =>
    queue.fail(error),
  );
  try {
    for (let chunk = await queue.next(); chunk; chunk = await queue.next())
      yield chunk;
    await feeding;
  } finally {
    await worker.terminate();
  }
}

async function feed(input: Readable, worker: Worker, queue: ChunkQueue) {
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    await queue.room();
    queue.sent += 1;
    const message: ToWorker = { bytes: bytesOf(chunk) };
    worker.postMessage(message);
  }
  queue.sent += 1;
  const end: ToWorker = { end: true };
  worker.postMessage(end);
  queue.ended = true;
}

/** A stream in text mode (an encoding set, `Readable.from` of strings). */
function bytesOf(chunk: Buffer | string): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

/** Parsed chunks as the worker returns them, and room to send more. */
class ChunkQueue {
  sent = 0;
  ended = false;
  private received = 0;
  private readonly ready: ParsedLines[] = [];
  private error: unknown = null;
  private wake: (() => void) | null = null;

  constructor(worker: Worker) {
    worker.on("message", (chunk: ParsedLines) => {
      this.ready.push(chunk);
      this.notify();
    });
    worker.on("error", (error) => this.fail(error));
  }

  fail(error: unknown): void {
    this.error = error;
    this.notify();
  }

  async next(): Promise<ParsedLines | null> {
    for (;;) {
      if (this.error) throw this.error;
      const chunk = this.ready.shift();
      if (chunk) {
        this.received += 1;
        this.notify();
        return chunk;
      }
      if (this.ended && this.received === this.sent) return null;
      await this.changed();
    }
  }

  async room(): Promise<void> {
    while (this.sent - this.received >= IN_FLIGHT && !this.error)
      await this.changed();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.wake;
      this.wake = () => {
        previous?.();
        resolve();
      };
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
