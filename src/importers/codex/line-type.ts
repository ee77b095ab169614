const TYPE = Buffer.from('"type":"');
const QUOTE = 0x22;
/** Where a rollout line's type and its payload's type are written. */
const HEAD_BYTES = 256;

/**
 * Whether a rollout line can matter: session meta, turn context or a
 * token count, judged from the line's `type` and its payload's `type`,
 * which Codex writes first. Undefined when they are not where expected.
 */
export function isWanted(
  buf: Buffer,
  start: number,
  end: number,
): boolean | undefined {
  const limit = Math.min(end, start + HEAD_BYTES);
  const outer = typeAt(buf, start, limit);
  if (outer === undefined) return undefined;
  if (outer.value === "session_meta" || outer.value === "turn_context") {
    return true;
  }
  if (outer.value !== "event_msg") return false;
  const inner = typeAt(buf, outer.end, limit);
  return inner === undefined ? undefined : inner.value === "token_count";
}

function typeAt(
  buf: Buffer,
  from: number,
  limit: number,
): { value: string; end: number } | undefined {
  const at = buf.indexOf(TYPE, from);
  if (at < 0 || at >= limit) return undefined;
  const valueStart = at + TYPE.length;
  const valueEnd = buf.indexOf(QUOTE, valueStart);
  if (valueEnd < 0 || valueEnd >= limit) return undefined;
  return {
    value: buf.toString("latin1", valueStart, valueEnd),
    end: valueEnd,
  };
}
