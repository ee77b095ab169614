/** A byte string to look for in lines of a log. */
export class Needle {
  readonly bytes: Buffer;

  constructor(text: string) {
    this.bytes = Buffer.from(text);
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Whether the bytes at `at` are the needle's. */
  isAt(buf: Buffer, at: number): boolean {
    const bytes = this.bytes;
    if (at < 0 || at + bytes.length > buf.length) return false;
    for (let i = 0; i < bytes.length; i++) {
      if (buf[at + i] !== bytes[i]) return false;
    }
    return true;
  }

  /** Where the needle last is in `[from, to)`, or -1. */
  lastWithin(buf: Buffer, from: number, to: number): number {
    const at = buf.subarray(from, to).lastIndexOf(this.bytes);
    return at < 0 ? -1 : from + at;
  }

  /** Forward searches of one buffer, for as long as its bytes stay. */
  in(buf: Buffer): Search {
    return new Search(buf, this.bytes);
  }
}

/**
 * Forward searches for one needle in one buffer that remember their last
 * answer: when a search from `from` found the needle first at `at`, any
 * later search from up to `at` has the same answer. So searching from each
 * line of a chunk for a needle most lines lack stays linear.
 */
export class Search {
  readonly #buf: Buffer;
  readonly #bytes: Buffer;
  #from = Number.POSITIVE_INFINITY;
  #at = -1;

  constructor(buf: Buffer, bytes: Buffer) {
    this.#buf = buf;
    this.#bytes = bytes;
  }

  /** Where the needle first is at or after `from`, or -1. */
  next(from: number): number {
    if (from < this.#from || (this.#at >= 0 && from > this.#at)) {
      this.#at = this.#buf.indexOf(this.#bytes, from);
    }
    this.#from = from;
    return this.#at;
  }

  /** Where the needle first is in `[from, to)`, or -1. */
  within(from: number, to: number): number {
    const at = this.next(from);
    return at >= 0 && at + this.#bytes.length <= to ? at : -1;
  }
}
