// The Claude Code line scanner, in AssemblyScript: `npm run build` compiles
// it to dist/wasm/claude-lines.wasm. It makes the same decisions as
// src/importers/claude/scan-lines.ts, line for line, and hands every line
// it is not sure of back to that code. Positions are addresses in this
// module's memory; 0 means "not found" (no line starts there).

/** f64 slots of one record: see src/importers/claude/wasm-records.ts. */
const SLOTS: usize = 24;
/** Bytes of one record's key: `claude:<message id>:<request id>`. */
const KEY_BYTES: usize = 256;
const USAGE_LINE: f64 = 1;
const READ_IN_JS: f64 = 2;
const NOT_AN_OBJECT: f64 = 3;

const QUOTE: u8 = 0x22;
const BACKSLASH: u8 = 0x5c;
const COLON: u8 = 0x3a;
const COMMA: u8 = 0x2c;
const OPEN: u8 = 0x7b;
const CLOSE: u8 = 0x7d;
const OPEN_LIST: u8 = 0x5b;
const CLOSE_LIST: u8 = 0x5d;
const NEWLINE: u8 = 0x0a;
const HEAD_BYTES: usize = 1024;
const MAX_DEPTH: i32 = 64;

class Bytes {
  readonly at: usize;
  readonly length: usize;
  constructor(text: string) {
    this.at = changetype<usize>(String.UTF8.encode(text));
    this.length = <usize>String.UTF8.byteLength(text);
  }
}

const TYPE = new Bytes('"type":"');
const SKIPPED: Bytes[] = [
  new Bytes('user"'),
  new Bytes('progress"'),
  new Bytes('summary"'),
  new Bytes('system"'),
  new Bytes('file-history-snapshot"'),
  new Bytes('queue-operation"'),
];
const USAGE = new Bytes('"usage":{"input_tokens":');
const INPUT_TOKENS = new Bytes('"input_tokens":');
const MESSAGE = new Bytes('"message":{');
const CONTENT = new Bytes('"content":');
const UUID = new Bytes('"uuid":"');
const COST = new Bytes('"costUSD"');
const KEY_PREFIX = new Bytes("claude:");

// Keys, and the fields their values are kept in.
const K_MESSAGE = new Bytes("message");
const K_TYPE = new Bytes("type");
const K_REQUEST_ID = new Bytes("requestId");
const K_TIMESTAMP = new Bytes("timestamp");
const K_SESSION_ID = new Bytes("sessionId");
const K_COST = new Bytes("costUSD");
const K_ID = new Bytes("id");
const K_MODEL = new Bytes("model");
const K_USAGE = new Bytes("usage");
const K_INPUT = new Bytes("input_tokens");
const K_OUTPUT = new Bytes("output_tokens");
const K_READ = new Bytes("cache_read_input_tokens");
const K_WRITE = new Bytes("cache_creation_input_tokens");
const K_SPLIT = new Bytes("cache_creation");
const K_5M = new Bytes("ephemeral_5m_input_tokens");
const K_1H = new Bytes("ephemeral_1h_input_tokens");
const ASSISTANT = new Bytes("assistant");
const USER = new Bytes("user");

const F_MESSAGE = 0;
const F_TYPE = 1;
const F_REQUEST_ID = 2;
const F_TIMESTAMP = 3;
const F_SESSION_ID = 4;
const F_COST = 5;
const F_ID = 6;
const F_MODEL = 7;
const F_USAGE = 8;
const F_INPUT = 9;
const F_OUTPUT = 10;
const F_READ = 11;
const F_WRITE = 12;
const F_SPLIT = 13;
const F_5M = 14;
const F_1H = 15;
const FIELDS = 16;

const TOP = 0;
const IN_MESSAGE = 1;
const IN_USAGE = 2;
const IN_SPLIT = 3;

// Models seen, kept for the life of the module: a record names its model
// by number, so its name is decoded once.
const MODELS = 64;
const MODEL_BYTES: usize = 128;
const modelStore = heap.alloc(<usize>MODELS * MODEL_BYTES);
const modelLength = new StaticArray<usize>(MODELS);
let models = 0;

const seen = new StaticArray<bool>(FIELDS);
const from = new StaticArray<usize>(FIELDS);
const size = new StaticArray<usize>(FIELDS);
const count = new StaticArray<f64>(FIELDS);

// The chunk being scanned and where records go.
let chunkEnd: usize = 0;
let wantHead = false;
let records: usize = 0;
let keys: usize = 0;
let capacity: i32 = 0;
let written: i32 = 0;
let lineNo: i32 = 0;

// The last line read as a response, to notice its streamed repeats.
let hasLast = false;
let lastMessage: usize = 0;
let lastContent: usize = 0;
let lastUsage: usize = 0;
let lastUuid: usize = 0;

// The parser's cursor, the limit it may not pass, and the cut it jumps.
let p: usize = 0;
let limit: usize = 0;
let lineEnd: usize = 0;
let cut: usize = 0;
let resume: usize = 0;
let jumped = false;
let keyAt: usize = 0;
let keyLength: usize = 0;
/** The time of the line just read, in epoch milliseconds. */
let lineAt: f64 = 0;

/** The first address above what this module allocated for itself. */
export function firstFree(): usize {
  return changetype<usize>(new ArrayBuffer(16));
}

/** The number of records the last `scan` wrote. */
export function recordCount(): i32 {
  return written;
}

/** The number of the last line the last `scan` read. */
export function lastLine(): i32 {
  return lineNo;
}

/**
 * Reads whole lines `[start, end)` of a chunk ending at `end`, numbering
 * them after `lineBefore`, and writes a record for each line that needs
 * one, up to `room` records at `out` and their keys at `keyArea` (`room`
 * times KEY_BYTES). Returns where it stopped: `end`, or
 * the start of the first line it had no room for; call again from there
 * with `fresh` 0.
 */
export function scan(
  start: usize,
  end: usize,
  lineBefore: i32,
  head: i32,
  fresh: i32,
  out: usize,
  keyArea: usize,
  room: i32,
): usize {
  chunkEnd = end;
  wantHead = head !== 0;
  records = out;
  keys = keyArea;
  capacity = room;
  written = 0;
  lineNo = lineBefore;
  if (fresh !== 0) hasLast = false;
  let s = start;
  while (s < end && written < capacity) {
    const e = newlineFrom(s, end);
    lineNo += 1;
    readLine(s, e);
    s = e + 1;
  }
  return s < end ? s : end;
}

function newlineFrom(at: usize, end: usize): usize {
  const newline = i8x16.splat(<i8>NEWLINE);
  let q = at;
  while (q + 16 <= end) {
    const mask = i8x16.bitmask(i8x16.eq(v128.load(q), newline));
    if (mask !== 0) return q + <usize>ctz(mask);
    q += 16;
  }
  while (q < end) {
    if (load<u8>(q) === NEWLINE) return q;
    q += 1;
  }
  return end;
}

function readLine(s: usize, e: usize): void {
  if (!isWithoutUsage(s, e)) {
    const usage = lastWithin(USAGE, s, e);
    if (usage !== 0) {
      readCandidate(s, e, usage);
      return;
    }
    if (lastWithin(INPUT_TOKENS, s, e) !== 0) {
      emit(READ_IN_JS, s, e);
      return;
    }
  }
  if (!looksLikeObject(s, e)) emit(NOT_AN_OBJECT, s, e);
}

function isWithoutUsage(s: usize, e: usize): bool {
  const head = e < s + HEAD_BYTES ? e : s + HEAD_BYTES;
  const at = firstWithin(TYPE, s, head);
  if (at === 0) return false;
  const value = at + TYPE.length;
  for (let i = 0; i < SKIPPED.length; i++) {
    const word = SKIPPED[i];
    if (value + word.length <= chunkEnd && same(word.at, value, word.length)) {
      return true;
    }
  }
  return false;
}

function readCandidate(s: usize, e: usize, usage: usize): void {
  const message = firstWithin(MESSAGE, s, usage);
  const content =
    message === 0 ? <usize>0 : firstWithin(CONTENT, message, usage);
  if (content === 0) {
    emit(READ_IN_JS, s, e);
    return;
  }
  const uuid = firstWithin(UUID, usage, e);
  if (repeats(message, content, usage, uuid)) return;
  const reading = readFast(s, e, message, content, usage);
  if (reading === READ_IN_JS) emit(READ_IN_JS, s, e);
  if (reading === USAGE_LINE) emitUsage(s, e);
  if (reading === USAGE_LINE && size[F_ID] > 0 && uuid !== 0) {
    hasLast = true;
    lastMessage = message;
    lastContent = content;
    lastUsage = usage;
    lastUuid = uuid;
  } else {
    hasLast = false;
  }
}

function repeats(
  message: usize,
  content: usize,
  usage: usize,
  uuid: usize,
): bool {
  return (
    hasLast &&
    uuid !== 0 &&
    content - message === lastContent - lastMessage &&
    same(lastMessage, message, content - message) &&
    uuid - usage === lastUuid - lastUsage &&
    same(lastUsage, usage, uuid - usage)
  );
}

/**
 * Parses the line as JSON with everything from `"content":` up to its last
 * usage cut out, as the JavaScript scanner does, and checks what it found
 * as that scanner would. Returns 0 for a line that is not a response.
 */
function readFast(
  s: usize,
  e: usize,
  message: usize,
  content: usize,
  usage: usize,
): f64 {
  for (let i = 0; i < FIELDS; i++) seen[i] = false;
  lineEnd = e;
  cut = content;
  resume = usage;
  limit = content;
  jumped = false;
  const keepHead = wantHead || lastWithin(COST, s, message) !== 0;
  if (keepHead) {
    p = s;
    skipSpace();
    if (peek() !== OPEN) return READ_IN_JS;
    p += 1;
  } else {
    p = message;
  }
  if (!members(TOP) || !jumped) return READ_IN_JS;
  skipSpace();
  if (p !== lineEnd) return READ_IN_JS;
  return checked();
}

function checked(): f64 {
  if (!seen[F_TYPE]) return READ_IN_JS;
  if (isText(F_TYPE, USER)) return 0;
  if (!isText(F_TYPE, ASSISTANT)) return READ_IN_JS;
  if (!seen[F_ID] || !seen[F_MODEL] || !seen[F_INPUT] || !seen[F_OUTPUT]) {
    return READ_IN_JS;
  }
  if (!seen[F_TIMESTAMP]) return READ_IN_JS;
  lineAt = epochMs(from[F_TIMESTAMP], size[F_TIMESTAMP]);
  if (Number.isNaN(lineAt)) return READ_IN_JS;
  return USAGE_LINE;
}

function isText(field: i32, word: Bytes): bool {
  return size[field] === word.length && same(word.at, from[field], word.length);
}

// --- JSON: the members of one object, and values skipped or kept ---

function members(level: i32): bool {
  skipSpace();
  if (peek() === CLOSE) {
    p += 1;
    return true;
  }
  while (true) {
    if (level === IN_MESSAGE && p === cut && !jumped) {
      p = resume;
      limit = lineEnd;
      jumped = true;
    }
    if (!readKey()) return false;
    skipSpace();
    if (peek() !== COLON) return false;
    p += 1;
    skipSpace();
    if (!memberValue(level)) return false;
    skipSpace();
    const next = peek();
    p += 1;
    if (next === CLOSE) return true;
    if (next !== COMMA) return false;
    skipSpace();
  }
}

function memberValue(level: i32): bool {
  if (level === TOP) {
    if (isKey(K_MESSAGE)) return object(F_MESSAGE, IN_MESSAGE);
    if (isKey(K_TYPE)) return keepText(F_TYPE);
    if (isKey(K_REQUEST_ID)) return keepText(F_REQUEST_ID);
    if (isKey(K_TIMESTAMP)) return keepText(F_TIMESTAMP);
    if (isKey(K_SESSION_ID)) return keepText(F_SESSION_ID);
    if (isKey(K_COST)) return keepNumber(F_COST);
  } else if (level === IN_MESSAGE) {
    if (isKey(K_ID)) return keepText(F_ID);
    if (isKey(K_MODEL)) return keepText(F_MODEL);
    if (isKey(K_USAGE)) return object(F_USAGE, IN_USAGE);
  } else if (level === IN_USAGE) {
    if (isKey(K_INPUT)) return keepCount(F_INPUT);
    if (isKey(K_OUTPUT)) return keepCount(F_OUTPUT);
    if (isKey(K_READ)) return keepCount(F_READ);
    if (isKey(K_WRITE)) return keepCount(F_WRITE);
    if (isKey(K_SPLIT)) return object(F_SPLIT, IN_SPLIT);
  } else {
    if (isKey(K_5M)) return keepCount(F_5M);
    if (isKey(K_1H)) return keepCount(F_1H);
  }
  return skipValue(0);
}

/** A field seen twice would need JSON's last-one-wins: left to JS. */
function firstSight(field: i32): bool {
  if (seen[field]) return false;
  seen[field] = true;
  return true;
}

function object(field: i32, level: i32): bool {
  if (!firstSight(field) || peek() !== OPEN) return false;
  p += 1;
  return members(level);
}

function readKey(): bool {
  if (peek() !== QUOTE) return false;
  p += 1;
  keyAt = p;
  while (p < limit) {
    const b = load<u8>(p);
    if (b === QUOTE) {
      keyLength = p - keyAt;
      p += 1;
      return true;
    }
    if (b === BACKSLASH || b < 0x20) return false;
    p += 1;
  }
  return false;
}

function isKey(word: Bytes): bool {
  return keyLength === word.length && same(word.at, keyAt, keyLength);
}

/** A string without escapes; any other value is left to JS. */
function keepText(field: i32): bool {
  if (!firstSight(field) || peek() !== QUOTE) return false;
  p += 1;
  const at = p;
  while (p < limit) {
    const b = load<u8>(p);
    if (b === QUOTE) {
      from[field] = at;
      size[field] = p - at;
      p += 1;
      return true;
    }
    if (b === BACKSLASH || b < 0x20) return false;
    p += 1;
  }
  return false;
}

/** A whole number of up to 15 digits, as JSON writes it. */
function keepCount(field: i32): bool {
  if (!firstSight(field)) return false;
  const at = p;
  let value: f64 = 0;
  while (p < limit && isDigit(load<u8>(p))) {
    value = value * 10 + <f64>(load<u8>(p) - 0x30);
    p += 1;
  }
  const digits = p - at;
  if (digits === 0 || digits > 15) return false;
  if (digits > 1 && load<u8>(at) === 0x30) return false;
  const next = peek();
  if (next === 0x2e || next === 0x65 || next === 0x45) return false;
  count[field] = value;
  return true;
}

function keepNumber(field: i32): bool {
  if (!firstSight(field)) return false;
  const at = p;
  if (!skipNumber()) return false;
  from[field] = at;
  size[field] = p - at;
  return true;
}

function skipValue(depth: i32): bool {
  const b = peek();
  if (b === QUOTE) return skipString();
  if (b === OPEN) return skipObject(depth);
  if (b === OPEN_LIST) return skipList(depth);
  if (b === 0x74) return skipWord("true");
  if (b === 0x66) return skipWord("false");
  if (b === 0x6e) return skipWord("null");
  return skipNumber();
}

function skipObject(depth: i32): bool {
  if (depth >= MAX_DEPTH) return false;
  p += 1;
  skipSpace();
  if (peek() === CLOSE) {
    p += 1;
    return true;
  }
  while (true) {
    if (peek() !== QUOTE || !skipString()) return false;
    skipSpace();
    if (peek() !== COLON) return false;
    p += 1;
    skipSpace();
    if (!skipValue(depth + 1)) return false;
    skipSpace();
    const next = peek();
    p += 1;
    if (next === CLOSE) return true;
    if (next !== COMMA) return false;
    skipSpace();
  }
}

function skipList(depth: i32): bool {
  if (depth >= MAX_DEPTH) return false;
  p += 1;
  skipSpace();
  if (peek() === CLOSE_LIST) {
    p += 1;
    return true;
  }
  while (true) {
    if (!skipValue(depth + 1)) return false;
    skipSpace();
    const next = peek();
    p += 1;
    if (next === CLOSE_LIST) return true;
    if (next !== COMMA) return false;
    skipSpace();
  }
}

function skipString(): bool {
  p += 1;
  while (p < limit) {
    const b = load<u8>(p);
    p += 1;
    if (b === QUOTE) return true;
    if (b < 0x20) return false;
    if (b === BACKSLASH && !skipEscape()) return false;
  }
  return false;
}

function skipEscape(): bool {
  const b = peek();
  p += 1;
  if (
    b === QUOTE ||
    b === BACKSLASH ||
    b === 0x2f ||
    b === 0x62 ||
    b === 0x66 ||
    b === 0x6e ||
    b === 0x72 ||
    b === 0x74
  ) {
    return true;
  }
  if (b !== 0x75) return false;
  for (let i = 0; i < 4; i++) {
    if (!isHex(peek())) return false;
    p += 1;
  }
  return true;
}

function skipNumber(): bool {
  if (peek() === 0x2d) p += 1;
  if (peek() === 0x30) {
    p += 1;
  } else if (!skipDigits()) {
    return false;
  }
  if (peek() === 0x2e) {
    p += 1;
    if (!skipDigits()) return false;
  }
  const e = peek();
  if (e === 0x65 || e === 0x45) {
    p += 1;
    const sign = peek();
    if (sign === 0x2b || sign === 0x2d) p += 1;
    if (!skipDigits()) return false;
  }
  return true;
}

function skipDigits(): bool {
  const at = p;
  while (p < limit && isDigit(load<u8>(p))) p += 1;
  return p > at;
}

function skipWord(word: string): bool {
  for (let i = 0; i < word.length; i++) {
    if (peek() !== <u8>word.charCodeAt(i)) return false;
    p += 1;
  }
  return true;
}

function skipSpace(): void {
  while (p < limit) {
    const b = load<u8>(p);
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== NEWLINE) return;
    p += 1;
  }
}

function peek(): u8 {
  return p < limit ? load<u8>(p) : 0;
}

function isDigit(b: u8): bool {
  return b >= 0x30 && b <= 0x39;
}

function isHex(b: u8): bool {
  return isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

// --- time: `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, anything else left to JS ---

function epochMs(at: usize, length: usize): f64 {
  if (length < 20 || load<u8>(at + length - 1) !== 0x5a) return NaN;
  const year = digitsAt(at, 4);
  const month = digitsAt(at + 5, 2);
  const day = digitsAt(at + 8, 2);
  const hour = digitsAt(at + 11, 2);
  const minute = digitsAt(at + 14, 2);
  const second = digitsAt(at + 17, 2);
  if (
    load<u8>(at + 4) !== 0x2d ||
    load<u8>(at + 7) !== 0x2d ||
    load<u8>(at + 10) !== 0x54 ||
    load<u8>(at + 13) !== COLON ||
    load<u8>(at + 16) !== COLON
  ) {
    return NaN;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return NaN;
  }
  if (year < 0 || hour < 0 || minute < 0 || second < 0) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = fractionMs(at + 19, at + length - 1);
  if (ms < 0) return NaN;
  const days = <f64>daysFromCivil(year, month, day);
  return (
    days * 86_400_000 +
    <f64>(hour * 3_600_000 + minute * 60_000 + second * 1000 + ms)
  );
}

/** The digits at `at` as a number, or -1000000 if any is not a digit. */
function digitsAt(at: usize, n: i32): i32 {
  let value = 0;
  for (let i = 0; i < n; i++) {
    const b = load<u8>(at + <usize>i);
    if (!isDigit(b)) return -1_000_000;
    value = value * 10 + <i32>(b - 0x30);
  }
  return value;
}

/** `.d` to `.ddddddddd` before the `Z` at `end`, in whole ms; -1 if bad. */
function fractionMs(at: usize, end: usize): i32 {
  if (at === end) return 0;
  const digits = <i32>(end - at) - 1;
  if (load<u8>(at) !== 0x2e || digits < 1 || digits > 9) return -1;
  let ms = 0;
  for (let i = 0; i < 3; i++) {
    const b = i < digits ? load<u8>(at + 1 + <usize>i) : 0x30;
    if (!isDigit(b)) return -1;
    ms = ms * 10 + <i32>(b - 0x30);
  }
  for (let i = 3; i < digits; i++) {
    if (!isDigit(load<u8>(at + 1 + <usize>i))) return -1;
  }
  return ms;
}

function daysIn(year: i32, month: i32): i32 {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(year: i32, month: i32, day: i32): i32 {
  const y = month <= 2 ? year - 1 : year;
  const era = (y >= 0 ? y : y - 399) / 400;
  const yearOfEra = y - era * 400;
  const m = month > 2 ? month - 3 : month + 9;
  const dayOfYear = (153 * m + 2) / 5 + day - 1;
  const dayOfEra =
    yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// --- byte searches and records ---

function same(a: usize, b: usize, length: usize): bool {
  let i: usize = 0;
  while (i + 8 <= length) {
    if (load<u64>(a + i) !== load<u64>(b + i)) return false;
    i += 8;
  }
  while (i < length) {
    if (load<u8>(a + i) !== load<u8>(b + i)) return false;
    i += 1;
  }
  return true;
}

/**
 * Where `word` first lies wholly within `[start, end)`, or 0. Sixteen
 * places at a time are tested on two of the word's bytes, its second and
 * its last but one, which are rarer in JSON than its quote marks.
 */
function firstWithin(word: Bytes, start: usize, end: usize): usize {
  if (end < start + word.length) return 0;
  const last = end - word.length;
  const b = word.length - 2;
  const one = i8x16.splat(load<i8>(word.at + 1));
  const two = i8x16.splat(load<i8>(word.at + b));
  for (let at = start; at <= last; at += 16) {
    let mask = i8x16.bitmask(
      v128.and(
        i8x16.eq(v128.load(at + 1), one),
        i8x16.eq(v128.load(at + b), two),
      ),
    );
    while (mask !== 0) {
      const found = at + <usize>ctz(mask);
      if (found > last) return 0;
      if (same(word.at, found, word.length)) return found;
      mask &= mask - 1;
    }
  }
  return 0;
}

/** Where `word` last lies wholly within `[start, end)`, or 0. */
function lastWithin(word: Bytes, start: usize, end: usize): usize {
  if (end < start + word.length) return 0;
  const b = word.length - 2;
  const one = i8x16.splat(load<i8>(word.at + 1));
  const two = i8x16.splat(load<i8>(word.at + b));
  let top = end - word.length + 1;
  while (top > start) {
    const at = top >= start + 16 ? top - 16 : start;
    let mask = i8x16.bitmask(
      v128.and(
        i8x16.eq(v128.load(at + 1), one),
        i8x16.eq(v128.load(at + b), two),
      ),
    );
    mask &= (1 << (<i32>(top - at))) - 1;
    while (mask !== 0) {
      const found = at + <usize>(31 - clz(mask));
      if (same(word.at, found, word.length)) return found;
      mask ^= 1 << (31 - clz(mask));
    }
    top = at;
  }
  return 0;
}

function looksLikeObject(s: usize, e: usize): bool {
  let first = s;
  let last = e;
  while (first < last && isBlank(load<u8>(first))) first += 1;
  while (last > first && isBlank(load<u8>(last - 1))) last -= 1;
  if (first === last) return true;
  return load<u8>(first) === OPEN && load<u8>(last - 1) === CLOSE;
}

function isBlank(b: u8): bool {
  return b === 0x20 || b === 0x0d || b === 0x09;
}

function slot(i: usize, value: f64): void {
  store<f64>(records + ((<usize>written * SLOTS + i) << 3), value);
}

function emit(kind: f64, s: usize, e: usize): void {
  slot(0, kind);
  slot(1, <f64>lineNo);
  slot(2, <f64>s);
  slot(3, <f64>e);
  written += 1;
}

function span(i: usize, field: i32): void {
  const known = seen[field];
  slot(i, known ? <f64>from[field] : 0);
  slot(i + 1, known ? <f64>size[field] : -1);
}

/** A count the line states, or 0. */
function countOf(field: i32): f64 {
  return seen[field] ? count[field] : 0;
}

/**
 * Cache writes in the two buckets, as `claudeTokens` makes them: the
 * stated total, else the split's sum, of which at most the split's 1-hour
 * part is 1-hour.
 */
function cacheWrites(i: usize): void {
  const oneHour = countOf(F_1H);
  const written = seen[F_WRITE] ? count[F_WRITE] : countOf(F_5M) + oneHour;
  const hour = Math.min(oneHour, written);
  slot(i, written - hour);
  slot(i + 1, hour);
}

function emitUsage(s: usize, e: usize): void {
  slot(4, <f64>from[F_ID]);
  slot(5, <f64>size[F_ID]);
  span(6, F_REQUEST_ID);
  slot(8, <f64>from[F_MODEL]);
  slot(9, <f64>size[F_MODEL]);
  span(10, F_SESSION_ID);
  slot(12, lineAt);
  slot(13, countOf(F_INPUT));
  slot(14, countOf(F_OUTPUT));
  slot(15, countOf(F_READ));
  cacheWrites(16);
  span(18, F_COST);
  emitKey();
  slot(23, <f64>modelIndex(from[F_MODEL], size[F_MODEL]));
  emit(USAGE_LINE, s, e);
}

/** The record's key, or a length of -1 where it does not fit or no id. */
function emitKey(): void {
  const at = keys + <usize>written * KEY_BYTES;
  const id = size[F_ID];
  const request = seen[F_REQUEST_ID] ? size[F_REQUEST_ID] : 0;
  const length = KEY_PREFIX.length + id + 1 + request;
  if (id === 0 || length > KEY_BYTES) {
    slot(21, -1);
    return;
  }
  let to = at;
  memory.copy(to, KEY_PREFIX.at, KEY_PREFIX.length);
  to += KEY_PREFIX.length;
  memory.copy(to, from[F_ID], id);
  to += id;
  store<u8>(to, COLON);
  memory.copy(to + 1, from[F_REQUEST_ID], request);
  slot(20, <f64>at);
  slot(21, <f64>length);
  slot(22, isAscii(at, length) ? 1 : 0);
}

function isAscii(at: usize, length: usize): bool {
  let high: u8 = 0;
  for (let i: usize = 0; i < length; i++) high |= load<u8>(at + i);
  return high < 0x80;
}

/** The model's number among those seen, or -1 once they are too many. */
function modelIndex(at: usize, length: usize): i32 {
  for (let i = 0; i < models; i++) {
    const stored = modelStore + <usize>i * MODEL_BYTES;
    if (modelLength[i] === length && same(stored, at, length)) return i;
  }
  if (models === MODELS || length > MODEL_BYTES) return -1;
  memory.copy(modelStore + <usize>models * MODEL_BYTES, at, length);
  modelLength[models] = length;
  models += 1;
  return models - 1;
}
