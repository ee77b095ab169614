import { Needle, type Search } from "../needle.js";
import { type LineReading, readClaudeObject } from "./usage-line.js";

const OTHER: LineReading = Object.freeze({ kind: "other" });
const MESSAGE = new Needle('"message":{');
const CONTENT = new Needle('"content":');
const UUID = new Needle('"uuid":"');
const COST = new Needle('"costUSD"');
const OPEN_OBJECT = 0x7b;

/** The searches the fast path makes in one chunk of lines. */
export interface PartSearches {
  readonly message: Search;
  readonly content: Search;
  readonly uuid: Search;
}

/** Searches of `buf`, which ends where the chunk ends. */
export function partSearches(buf: Buffer): PartSearches {
  return {
    message: MESSAGE.in(buf),
    content: CONTENT.in(buf),
    uuid: UUID.in(buf),
  };
}

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
  /** The line's `"uuid":"` after the usage, or -1. */
  readonly uuid: number;
}

/** The parts of a usage line, or undefined if it has not the usual shape. */
export function locateParts(
  searches: PartSearches,
  start: number,
  end: number,
  usage: number,
): UsageLineParts | undefined {
  const message = searches.message.within(start, usage);
  const content = message < 0 ? -1 : searches.content.within(message, usage);
  if (content < 0) return undefined;
  return {
    start,
    end,
    message,
    content,
    usage,
    uuid: searches.uuid.within(usage, end),
  };
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
  const value = parseOrUndefined(spliced(buf, parts, wantHead));
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
function spliced(buf: Buffer, parts: UsageLineParts, wantHead: boolean) {
  const keepHead =
    wantHead || COST.lastWithin(buf, parts.start, parts.message) >= 0;
  const from = keepHead ? parts.start : parts.message;
  const length = 1 + parts.content - from + parts.end - parts.usage;
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length * 2);
  let at = 0;
  if (!keepHead) scratch[at++] = OPEN_OBJECT;
  at += buf.copy(scratch, at, from, parts.content);
  at += buf.copy(scratch, at, parts.usage, parts.end);
  return scratch.toString("utf8", 0, at);
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
