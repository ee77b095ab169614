import { readSync } from "node:fs";

const START_BYTES = 4 * 1024 * 1024;

/** One reused buffer per thread: reading allocates nothing per file. */
let shared = Buffer.allocUnsafe(START_BYTES);

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
): ReadResult {
  let position = offset;
  let consumed = offset;
  let carry = 0;
  for (;;) {
    if (carry === shared.length) grow(carry);
    const n = readSync(fd, shared, carry, shared.length - carry, position);
    if (n === 0) break;
    position += n;
    const filled = carry + n;
    const lastNewline = shared.lastIndexOf(10, filled - 1);
    if (lastNewline < carry) {
      carry = filled;
      continue;
    }
    onLines(shared, 0, lastNewline + 1);
    consumed += lastNewline + 1;
    carry = filled - lastNewline - 1;
    shared.copy(shared, 0, lastNewline + 1, filled);
  }
  if (carry > 0 && !keepPending) onLines(shared, 0, carry);
  return { offset: consumed, pending: carry };
}

function grow(keep: number): void {
  const bigger = Buffer.allocUnsafe(shared.length * 2);
  shared.copy(bigger, 0, 0, keep);
  shared = bigger;
}
