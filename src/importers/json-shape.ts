/**
 * Whether a line looks like one JSON object: it starts with `{` and ends
 * with `}`, which catches truncated writes without parsing. Blank lines
 * pass.
 */
export function looksLikeObject(
  buf: Buffer,
  start: number,
  end: number,
): boolean {
  let first = start;
  let last = end - 1;
  while (first <= last && isSpace(buf[first])) first += 1;
  while (last >= first && isSpace(buf[last])) last -= 1;
  if (first > last) return true;
  return buf[first] === 0x7b && buf[last] === 0x7d;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0d || byte === 0x09;
}
