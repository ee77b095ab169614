/**
 * The records wasm/claude-lines.ts writes, one per line that needs one:
 * f64 slots, positions as addresses in the module's memory, a length of
 * -1 for a field the line does not have.
 */
export const SLOTS = 24;
/** Bytes of one record's key. */
export const KEY_BYTES = 256;

export const KIND = 0;
export const LINE = 1;
export const START = 2;
export const END = 3;
export const ID = 4;
export const REQUEST_ID = 6;
export const MODEL = 8;
export const SESSION_ID = 10;
export const AT = 12;
export const INPUT = 13;
export const OUTPUT = 14;
export const CACHE_READ = 15;
/** Cache writes already in their buckets, as `claudeTokens` puts them. */
export const WRITE_5M = 16;
export const WRITE_1H = 17;
export const COST = 18;
/** `claude:<message id>:<request id>`, as the scanner keys responses. */
export const KEY = 20;
/** 1 when the key is all ASCII. */
export const KEY_ASCII = 22;
/** The model's number in the module's table of names, or -1. */
export const MODEL_INDEX = 23;

/** A line holding a response's usage, read. */
export const USAGE_LINE = 1;
/** A line to read with the JavaScript scanner. */
export const READ_IN_JS = 2;
/** A line that does not look like a JSON object. */
export const NOT_AN_OBJECT = 3;
