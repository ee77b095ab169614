export interface Line {
  /** 1-based line number in the input. */
  readonly number: number;
  readonly text: string;
}

const NEWLINE = 0x0a;

/**
 * Cuts a stream of byte chunks into lines, holding at most one partial line
 * between chunks. CRLF endings and a leading byte-order mark are dropped.
 */
export class LineSplitter {
  private carry: Buffer | null = null;
  private number = 0;

  push(chunk: Buffer): Line[] {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const lines: Line[] = [];
    let start = 0;
    let end = buf.indexOf(NEWLINE);
    while (end !== -1) {
      lines.push(this.line(buf, start, end));
      start = end + 1;
      end = buf.indexOf(NEWLINE, start);
    }
    this.carry = start < buf.length ? buf.subarray(start) : null;
    return lines;
  }

  /** The last line, when the input does not end with a newline. */
  end(): Line[] {
    const rest = this.carry;
    this.carry = null;
    return rest && rest.length > 0 ? [this.line(rest, 0, rest.length)] : [];
  }

  private line(buf: Buffer, start: number, end: number): Line {
    this.number += 1;
    const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end;
    let text = buf.toString("utf8", start, stop);
    if (this.number === 1 && text.charCodeAt(0) === 0xfeff)
      text = text.slice(1);
    return { number: this.number, text };
  }
}
