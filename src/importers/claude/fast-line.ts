import { type LineReading, readClaudeObject } from "./usage-line.js";

const OTHER: LineReading = Object.freeze({ kind: "other" });
const MESSAGE = Buffer.from('"message":{');
const CONTENT = Buffer.from('"content":');
const COST = Buffer.from('"costUSD"');
const OPEN_OBJECT = 0x7b;

/** Where the parts of a usage line are, as buffer positions. */
export interface UsageLineParts {
  readonly start: number;
  readonly end: number;
  /** `"message":{` */
  readonly message: number;
  /** The message's `"content":`, which comes before its usage. */
  readonly content: number;
  /** The last `"usage":{` of the line. */
  readonly usage: number;
}

/** The parts of a usage line, or undefined if it has not the usual shape. */
export function locateParts(
  buf: Buffer,
  start: number,
  end: number,
  usage: number,
): UsageLineParts | undefined {
  const message = within(buf, MESSAGE, start, usage);
  const content = message < 0 ? -1 : within(buf, CONTENT, message, usage);
  if (content < 0) return undefined;
  return { start, end, message, content, usage };
}

/**
 * Reads a usage line without parsing its content blocks, which hold most of
 * its bytes: the line is parsed with everything from `"content":` up to its
 * last `"usage":{` cut out, and with the fields before `"message"` left out
 * too unless `wantHead` or they carry a cost. Returns undefined when the
 * line does not have the shape Claude Code writes; parse it whole then.
 */
export function readUsageLineFast(
  buf: Buffer,
  parts: UsageLineParts,
  wantHead: boolean,
): LineReading | undefined {
  const { start, message } = parts;
  const keepHead = wantHead || buf.subarray(start, message).includes(COST);
  const value = parseOrUndefined(spliced(buf, parts, keepHead));
  if (value?.type === "user") return OTHER;
  // Other lines that name their type early have lost it in the cut.
  if (value?.type !== "assistant" || !hasIdAndModel(value.message)) {
    return undefined;
  }
  return readClaudeObject(value);
}

let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * The line without its content: `{` and the message head (or the line from
 * its start), then the usage to the end, copied together so that they
 * decode into one string.
 */
function spliced(buf: Buffer, parts: UsageLineParts, keepHead: boolean) {
  const from = keepHead ? parts.start : parts.message;
  const length = 1 + parts.content - from + parts.end - parts.usage;
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length * 2);
  let at = 0;
  if (!keepHead) scratch[at++] = OPEN_OBJECT;
  at += buf.copy(scratch, at, from, parts.content);
  at += buf.copy(scratch, at, parts.usage, parts.end);
  return scratch.toString("utf8", 0, at);
}

/** Where `needle` first is in `[from, to)`, or -1. */
function within(buf: Buffer, needle: Buffer, from: number, to: number) {
  // Both needles sit early in a usage line; a miss is rare.
  const at = buf.indexOf(needle, from);
  return at >= 0 && at + needle.length <= to ? at : -1;
}

/** Some versions write the id and model after the content. */
function hasIdAndModel(message: unknown): boolean {
  return (
    typeof message === "object" &&
    message !== null &&
    "id" in message &&
    "model" in message
  );
}

function parseOrUndefined(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object"
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    // Not the usual shape; the caller parses the whole line instead.
    return undefined;
  }
}
