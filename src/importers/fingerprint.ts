import { readSync } from "node:fs";

/** Bytes fingerprinted at each end of what has been read. */
export const FINGERPRINT_BYTES = 256;

let bytes = Buffer.alloc(FINGERPRINT_BYTES);

/**
 * A short hash of bytes [start, end) of an open file. It tells changed
 * bytes apart; it is no defence against forgery.
 */
export function fingerprint(fd: number, start: number, end: number): string {
  const length = Math.max(0, end - start);
  if (bytes.length < length) bytes = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, bytes, got, length - got, start + got);
    if (n === 0) break;
    got += n;
  }
  return fnv1a(bytes, got);
}

/** Fingerprints of the first bytes and of the bytes before `offset`. */
export function fingerprints(
  fd: number,
  offset: number,
): { head: string; edge: string } {
  return {
    head: fingerprint(fd, 0, Math.min(offset, FINGERPRINT_BYTES)),
    edge: fingerprint(fd, Math.max(0, offset - FINGERPRINT_BYTES), offset),
  };
}

/** FNV-1a and a variant with another multiplier, as one hex string. */
function fnv1a(data: Buffer, length: number): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < length; i++) {
    const byte = data[i] ?? 0;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995);
  }
  // The length goes in too: a short read must not match a longer one.
  return `${length.toString(16)}-${hex(a)}${hex(b)}`;
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}
