import type { UsageLineParts } from "./fast-line.js";

/**
 * Notices a streamed line that repeats the last line read as a response:
 * the same message head (id, model) and the same bytes from its usage to
 * its own `uuid` (usage, request id). Such a line ties with the response
 * already kept, and a tie keeps the first, so it need not be parsed.
 * Positions are those of one buffer chunk; use one filter per chunk.
 */
export class RepeatFilter {
  #last: UsageLineParts | undefined;

  forget(): void {
    this.#last = undefined;
  }

  /** Whether `parts` repeats the remembered line. */
  repeats(buf: Buffer, parts: UsageLineParts): boolean {
    const last = this.#last;
    return (
      last !== undefined &&
      parts.uuid >= 0 &&
      same(buf, last.message, last.content, parts.message, parts.content) &&
      same(buf, last.usage, last.uuid, parts.usage, parts.uuid)
    );
  }

  /** Remembers a line just read as a response. */
  remember(parts: UsageLineParts): void {
    this.#last = parts.uuid < 0 ? undefined : parts;
  }
}

function same(buf: Buffer, a: number, aEnd: number, b: number, bEnd: number) {
  return aEnd - a === bEnd - b && buf.compare(buf, b, bEnd, a, aEnd) === 0;
}
