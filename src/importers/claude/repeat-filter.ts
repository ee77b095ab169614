import type { UsageLineParts } from "./fast-line.js";

const UUID = Buffer.from('"uuid":"');

/**
 * Notices a streamed line that repeats the last line read as a response:
 * the same message head (id, model) and the same bytes from its usage to
 * its own `uuid` (usage, request id). Such a line ties with the response
 * already kept, and a tie keeps the first, so it need not be parsed.
 * Positions are those of one buffer chunk; `forget` at each new chunk.
 */
export class RepeatFilter {
  #message = -1;
  #content = -1;
  #usage = -1;
  #uuid = -1;

  forget(): void {
    this.#message = -1;
  }

  /** Whether `parts` repeats the remembered line. */
  repeats(buf: Buffer, parts: UsageLineParts): boolean {
    if (this.#message < 0) return false;
    const uuid = uuidAt(buf, parts);
    return (
      uuid >= 0 &&
      same(buf, this.#message, this.#content, parts.message, parts.content) &&
      same(buf, this.#usage, this.#uuid, parts.usage, uuid)
    );
  }

  /** Remembers a line just read as a response. */
  remember(buf: Buffer, parts: UsageLineParts): void {
    const uuid = uuidAt(buf, parts);
    this.#message = uuid < 0 ? -1 : parts.message;
    this.#content = parts.content;
    this.#usage = parts.usage;
    this.#uuid = uuid;
  }
}

function uuidAt(buf: Buffer, parts: UsageLineParts): number {
  const at = buf.indexOf(UUID, parts.usage);
  return at >= 0 && at < parts.end ? at : -1;
}

function same(buf: Buffer, a: number, aEnd: number, b: number, bEnd: number) {
  return aEnd - a === bEnd - b && buf.compare(buf, b, bEnd, a, aEnd) === 0;
}
