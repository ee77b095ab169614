/** Up to this many characters, copying them one by one beats `Buffer#write`. */
const SHORT = 24;

/**
 * Bytes appended to a buffer that grows as needed. Encoders write rows
 * here instead of building strings, so a batch under way is one buffer
 * outside the JavaScript heap rather than thousands of strings the
 * garbage collector has to keep moving. Numbers are big-endian, as
 * PostgreSQL's binary formats have them.
 */
export class ByteWriter {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private view = new DataView(this.bytes.buffer, this.bytes.byteOffset);
  private end = 0;

  get length(): number {
    return this.end;
  }

  byte(value: number): void {
    this.room(1);
    this.bytes[this.end++] = value;
  }

  int32(value: number): void {
    this.room(4);
    this.view.setInt32(this.end, value);
    this.end += 4;
  }

  /**
   * `value * times` as eight bytes, two's complement, exact even where the
   * product would not be a safe integer (`times` up to 2^20).
   */
  int64(value: number, times = 1): void {
    const high = Math.floor(value / 2 ** 32);
    const low = (value - high * 2 ** 32) * times;
    const carry = Math.floor(low / 2 ** 32);
    this.room(8);
    this.view.setInt32(this.end, high * times + carry);
    this.view.setUint32(this.end + 4, low - carry * 2 ** 32);
    this.end += 8;
  }

  double(value: number): void {
    this.room(8);
    this.view.setFloat64(this.end, value);
    this.end += 8;
  }

  /** UTF-8; returns the number of bytes written. */
  text(value: string): number {
    this.room(value.length * 3);
    const written =
      value.length <= SHORT ? this.ascii(value) : this.utf8(value);
    this.end += written;
    return written;
  }

  /** Short ASCII text is copied here: cheaper than a call into Buffer. */
  private ascii(value: string): number {
    const bytes = this.bytes;
    const start = this.end;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > 0x7f) return this.utf8(value);
      bytes[start + i] = c;
    }
    return value.length;
  }

  private utf8(value: string): number {
    return this.bytes.write(value, this.end, "utf8");
  }

  /** Overwrites four bytes written earlier, at `offset`. */
  patchInt32(offset: number, value: number): void {
    this.view.setInt32(offset, value);
  }

  /** What was written so far. */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.end);
  }

  private room(bytes: number): void {
    if (this.end + bytes <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(
      Math.max(this.bytes.length * 2, this.end + bytes),
    );
    this.bytes.copy(bigger, 0, 0, this.end);
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer, bigger.byteOffset);
  }
}
