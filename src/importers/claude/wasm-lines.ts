import { readFileSync } from "node:fs";
import type { ReadSpace } from "../read-lines.js";
import type { ResponseUsage } from "../response.js";
import { responseSession, type ScanTarget } from "../scan-target.js";
import { wasmFile } from "../wasm-file.js";
import {
  type ClaudeLineSink,
  NOT_AN_OBJECT_REASON,
  scanClaudeLines,
  type UsageSource,
} from "./scan-lines.js";
import type { ClaudeUsageLine } from "./usage-line.js";
import * as R from "./wasm-records.js";

interface LineExports {
  readonly memory: WebAssembly.Memory;
  firstFree(): number;
  scan(
    start: number,
    end: number,
    lineBefore: number,
    head: number,
    fresh: number,
    out: number,
    keys: number,
    room: number,
  ): number;
  recordCount(): number;
  lastLine(): number;
}

const FILE = wasmFile("claude-lines.wasm");
const ROOM = 4096;
const RECORD_BYTES = ROOM * R.SLOTS * 8;
const KEY_BYTES = ROOM * R.KEY_BYTES;
const START_BYTES = 4 * 1024 * 1024;
const PAGE = 64 * 1024;
/** The scanner loads 16 bytes at a time and may look past a line's end. */
const SLACK = 64;

/**
 * The line scanner compiled to WebAssembly, with the memory it reads
 * files into: no JavaScript to warm up per line, and no garbage but the
 * responses it finds. Lines it does not take are read by
 * `scanClaudeLines`, which it mirrors.
 */
export class WasmLines implements ReadSpace, UsageSource {
  readonly #scan: LineExports;
  readonly #records: number;
  readonly #keys: number;
  readonly #input: number;
  /** Names by the module's model numbers. */
  readonly #models: string[] = [];
  #size = START_BYTES;
  #memory!: Buffer;
  #slots!: Float64Array;
  #view!: Buffer;

  constructor(scan: LineExports) {
    this.#scan = scan;
    this.#records = align(scan.firstFree(), 8);
    this.#keys = this.#records + RECORD_BYTES;
    this.#input = align(this.#keys + KEY_BYTES, 64);
    this.#fit();
  }

  current(): Buffer {
    return this.#view;
  }

  /** Growing the memory keeps its bytes where they are. */
  grow(_keep: number): Buffer {
    this.#size *= 2;
    this.#fit();
    return this.#view;
  }

  /** Reads whole lines `[start, end)` of `buf`; returns the last line number. */
  lines(
    buf: Buffer,
    start: number,
    end: number,
    lineBefore: number,
    sink: ClaudeLineSink,
  ): number {
    let at: number;
    if (buf.buffer === this.#scan.memory.buffer) {
      at = buf.byteOffset + start;
    } else {
      // Lines from elsewhere (a test's buffer) are copied in first.
      if (this.#size < end - start) {
        while (this.#size < end - start) this.#size *= 2;
        this.#fit();
      }
      buf.copy(this.#view, 0, start, end);
      at = this.#input;
    }
    const stop = at + end - start;
    const head = sink.wantsSessionId ? 1 : 0;
    let line = lineBefore;
    for (let fresh = 1; at < stop; fresh = 0) {
      at = this.#scan.scan(
        at,
        stop,
        line,
        head,
        fresh,
        this.#records,
        this.#keys,
        ROOM,
      );
      this.#deliver(this.#scan.recordCount(), sink);
      line = this.#scan.lastLine();
    }
    return line;
  }

  #deliver(count: number, sink: ClaudeLineSink): void {
    const slots = this.#slots;
    for (let r = 0; r < count; r++) {
      const o = r * R.SLOTS;
      const kind = slots[o + R.KIND];
      const lineNo = slots[o + R.LINE] as number;
      if (kind === R.USAGE_LINE) this.#usage(o, lineNo, sink);
      else if (kind === R.NOT_AN_OBJECT) {
        sink.malformed(lineNo, NOT_AN_OBJECT_REASON);
      } else {
        const start = slots[o + R.START] as number;
        const end = slots[o + R.END] as number;
        scanClaudeLines(this.#memory, start, end, lineNo - 1, sink);
      }
    }
  }

  #usage(o: number, lineNo: number, sink: ClaudeLineSink): void {
    const s = this.#slots;
    const keyLength = s[o + R.KEY + 1] as number;
    if (!sink.keyed || keyLength < 0) {
      sink.usage(this.#line(o), lineNo);
      return;
    }
    const at = s[o + R.KEY] as number;
    const encoding = s[o + R.KEY_ASCII] === 1 ? "latin1" : "utf8";
    const key = this.#memory.toString(encoding, at, at + keyLength);
    sink.keyed(key, this.#total(o), lineNo, this, o);
  }

  /**
   * The response of the record at slot `o`, made straight from its slots
   * (with `responseUsage`'s fields in its order). Its request id is cut
   * from its key where that is ASCII, which saves decoding it again.
   */
  response(
    o: number,
    key: string,
    lineNo: number,
    target: ScanTarget,
  ): ResponseUsage {
    const s = this.#slots;
    return {
      key,
      session: responseSession(
        target,
        target.session_from_line ? this.#text(o + R.SESSION_ID) : undefined,
      ),
      project: target.project,
      at: s[o + R.AT] as number,
      model: this.#model(o),
      input_tokens: s[o + R.INPUT] as number,
      output_tokens: s[o + R.OUTPUT] as number,
      cache_read_tokens: s[o + R.CACHE_READ] as number,
      cache_write_5m_tokens: s[o + R.WRITE_5M] as number,
      cache_write_1h_tokens: s[o + R.WRITE_1H] as number,
      cost_usd: dollars(this.#text(o + R.COST)),
      request_id:
        s[o + R.KEY_ASCII] === 1
          ? requestIdOf(key, s[o + R.ID + 1] as number)
          : this.#text(o + R.REQUEST_ID),
      file: target.index,
      line: lineNo,
    };
  }

  /** The usage line of the record at slot `o`. */
  #line(o: number): ClaudeUsageLine {
    const s = this.#slots;
    return {
      messageId: this.#text(o + R.ID),
      requestId: this.#text(o + R.REQUEST_ID),
      model: this.#model(o),
      at: s[o + R.AT] as number,
      sessionId: this.#text(o + R.SESSION_ID),
      tokens: {
        input_tokens: s[o + R.INPUT] as number,
        output_tokens: s[o + R.OUTPUT] as number,
        cache_read_tokens: s[o + R.CACHE_READ] as number,
        cache_write_5m_tokens: s[o + R.WRITE_5M] as number,
        cache_write_1h_tokens: s[o + R.WRITE_1H] as number,
      },
      costUSD: dollars(this.#text(o + R.COST)),
    };
  }

  /** What `totalTokens` makes of the record's counts. */
  #total(o: number): number {
    const s = this.#slots;
    return (
      (s[o + R.INPUT] as number) +
      (s[o + R.OUTPUT] as number) +
      (s[o + R.CACHE_READ] as number) +
      (s[o + R.WRITE_5M] as number) +
      (s[o + R.WRITE_1H] as number)
    );
  }

  #model(o: number): string {
    const index = this.#slots[o + R.MODEL_INDEX] as number;
    if (index < 0) return this.#text(o + R.MODEL) ?? "unknown";
    let name = this.#models[index];
    if (name === undefined) {
      name = this.#text(o + R.MODEL) ?? "unknown";
      this.#models[index] = name;
    }
    return name;
  }

  /** The string at a span's slots; undefined when absent or empty. */
  #text(slot: number): string | undefined {
    const at = this.#slots[slot] as number;
    const length = this.#slots[slot + 1] as number;
    return length > 0
      ? this.#memory.toString("utf8", at, at + length)
      : undefined;
  }

  /** Grows the memory to hold the records and `#size` bytes of input. */
  #fit(): void {
    const memory = this.#scan.memory;
    const need = this.#input + this.#size + SLACK;
    if (memory.buffer.byteLength < need) {
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
    }
    const all = memory.buffer;
    this.#memory = Buffer.from(all);
    this.#slots = new Float64Array(all, this.#records, ROOM * R.SLOTS);
    this.#view = Buffer.from(all, this.#input, this.#size);
  }
}

const PREFIX = "claude:".length;

/** The request id in an ASCII key, if it has one. */
function requestIdOf(key: string, idLength: number): string | undefined {
  const afterId = PREFIX + idLength + 1;
  return key.length > afterId ? key.slice(afterId) : undefined;
}

function dollars(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function align(address: number, to: number): number {
  return Math.ceil(address / to) * to;
}

let loaded: WasmLines | null | undefined;

/**
 * This thread's scanner, made on first use; null where WebAssembly's
 * vector instructions are missing, and the JavaScript scanner reads.
 */
export function wasmLines(): WasmLines | null {
  if (loaded === undefined) loaded = instantiate(readModule());
  return loaded;
}

function readModule(): Buffer {
  try {
    return readFileSync(FILE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the line scanner ${FILE.pathname} cannot be read (${reason}); npm run build writes it`,
    );
  }
}

function instantiate(bytes: Buffer): WasmLines | null {
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (error) {
    if (error instanceof WebAssembly.CompileError) return null;
    throw error;
  }
  const instance = new WebAssembly.Instance(module, {});
  return new WasmLines(instance.exports as unknown as LineExports);
}
