import type { Readable } from "node:stream";

export interface Line {
  /** 1-based line number in the input. */
  readonly number: number;
  readonly text: string;
}

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines without holding more than one chunk and
 * one partial line in memory. A final line without a newline still counts.
 */
export async function* readLines(input: Readable): AsyncGenerator<Line[]> {
  let carry: Buffer | null = null;
  let number = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const lines: Line[] = [];
    let start = 0;
    for (
      let end = buf.indexOf(NEWLINE);
      end !== -1;
      end = buf.indexOf(NEWLINE, start)
    ) {
      number += 1;
      lines.push({ number, text: decode(buf, start, end, number) });
      start = end + 1;
    }
    carry = start < buf.length ? buf.subarray(start) : null;
    if (lines.length > 0) yield lines;
  }
  if (carry && carry.length > 0) {
    number += 1;
    yield [{ number, text: decode(carry, 0, carry.length, number) }];
  }
}

function decode(
  buf: Buffer,
  start: number,
  end: number,
  number: number,
): string {
  let stop = end;
  if (stop > start && buf[stop - 1] === 0x0d) stop -= 1;
  let text = buf.toString("utf8", start, stop);
  if (number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
