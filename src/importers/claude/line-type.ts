const TYPE = Buffer.from('"type":"');
/** Line types that never carry a response's usage, by their first letter. */
const SKIPPED = new Map<number, Buffer[]>();
for (const type of [
  "user",
  "progress",
  "summary",
  "system",
  "file-history-snapshot",
  "queue-operation",
]) {
  const word = Buffer.from(`${type}"`);
  const first = word[0] as number;
  SKIPPED.set(first, [...(SKIPPED.get(first) ?? []), word]);
}
/** Where a top-level `type` written early is to be found. */
const HEAD_BYTES = 1024;

/**
 * Whether the line is of a type that carries no response usage (user and
 * progress lines hold most of a log's bytes). Those lines write their
 * `type` before anything nested; an assistant line's first `"type":` is
 * its message's (`"message"`) or a content block's.
 */
export function isWithoutUsage(
  buf: Buffer,
  start: number,
  end: number,
): boolean {
  // The search can run past the line when the needle is absent; the
  // position check keeps it to the line's head.
  const at = buf.indexOf(TYPE, start);
  if (at < 0 || at >= Math.min(end, start + HEAD_BYTES)) return false;
  const value = at + TYPE.length;
  const words = SKIPPED.get(buf[value] ?? 0);
  return (
    words?.some(
      (w) => buf.compare(w, 0, w.length, value, value + w.length) === 0,
    ) ?? false
  );
}
