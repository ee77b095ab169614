import { readSync } from "node:fs";

const START_BYTES = 4 * 1024 * 1024;

/** Where a file's bytes are read to, reused from file to file. */
export interface ReadSpace {
  /** The buffer to read into. */
  current(): Buffer;
  /** A buffer twice as large that starts with the first `keep` bytes. */
  grow(keep: number): Buffer;
}

/** One buffer on the heap per thread: reading allocates nothing per file. */
class HeapSpace implements ReadSpace {
  #buf = Buffer.allocUnsafe(START_BYTES);

  current(): Buffer {
    return this.#buf;
  }

  grow(keep: number): Buffer {
    const bigger = Buffer.allocUnsafe(this.#buf.length * 2);
    this.#buf.copy(bigger, 0, 0, keep);
    this.#buf = bigger;
    return bigger;
  }
}

const heap = new HeapSpace();

/** Called with whole lines, `[start, end)` of a buffer that is reused. */
export type OnLines = (buf: Buffer, start: number, end: number) => void;

export interface ReadResult {
  /** End of the last complete line, as a file offset. */
  readonly offset: number;
  /** Bytes after it: a last line without its newline. */
  readonly pending: number;
}

/**
 * Reads a file from `offset` to its end and hands over complete lines in
 * chunks. A last line without a newline is handed over too unless
 * `keepPending`, which leaves it for the next read.
 */
export function readLines(
  fd: number,
  offset: number,
  keepPending: boolean,
  onLines: OnLines,
  space: ReadSpace = heap,
): ReadResult {
  let buf = space.current();
  let position = offset;
  let consumed = offset;
  let carry = 0;
  for (;;) {
    if (carry === buf.length) buf = space.grow(carry);
    const n = readSync(fd, buf, carry, buf.length - carry, position);
    if (n === 0) break;
    position += n;
    const filled = carry + n;
    const lastNewline = buf.lastIndexOf(10, filled - 1);
    if (lastNewline < carry) {
      carry = filled;
      continue;
    }
    onLines(buf, 0, lastNewline + 1);
    consumed += lastNewline + 1;
    carry = filled - lastNewline - 1;
    buf.copy(buf, 0, lastNewline + 1, filled);
  }
  if (carry > 0 && !keepPending) onLines(buf, 0, carry);
  return { offset: consumed, pending: carry };
}
