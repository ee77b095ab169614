import { Needle, type Search } from "../needle.js";

export const TYPE = new Needle('"type":"');
/** Line types that never carry a response's usage, closing quote included. */
const SKIPPED: readonly Needle[] = [
  "user",
  "progress",
  "summary",
  "system",
  "file-history-snapshot",
  "queue-operation",
].map((type) => new Needle(`${type}"`));
/** Where a top-level `type` written early is to be found. */
const HEAD_BYTES = 1024;

/**
 * Whether the line is of a type that carries no response usage (user and
 * progress lines hold most of a log's bytes). Those lines write their
 * `type` before anything nested; an assistant line's first `"type":` is
 * its message's (`"message"`) or a content block's. `types` searches the
 * line's buffer for `TYPE`.
 */
export function isWithoutUsage(
  types: Search,
  buf: Buffer,
  start: number,
  end: number,
): boolean {
  const at = types.within(start, Math.min(end, start + HEAD_BYTES));
  if (at < 0) return false;
  const value = at + TYPE.length;
  for (const word of SKIPPED) {
    if (value + word.length <= end && word.isAt(buf, value)) return true;
  }
  return false;
}
