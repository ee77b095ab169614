import { z } from "zod";
import { isTimestamp, utcIso } from "./timestamps.js";

const STAMP =
  "an ISO 8601 timestamp with a time zone, like 2026-01-02T03:04:05Z";
const INTEGER = "a non-negative integer";
const FRACTION = "a number from 0 to 1";
const DOLLARS = "a non-negative amount of dollars, like 0.0123";

/** An ISO 8601 timestamp with a zone, normalized to UTC with milliseconds. */
export const timestamp = z
  .string({ error: STAMP })
  .refine(isTimestamp, STAMP)
  .transform(utcIso);

const NO_NUL = "a string without NUL characters (\\u0000)";

function string(min: number, max: number) {
  const what =
    min > 0
      ? `a non-empty string of at most ${max} characters`
      : `a string of at most ${max} characters`;
  // PostgreSQL cannot store NUL in text: refuse it on every store alike.
  return z
    .string({ error: what })
    .min(min, what)
    .max(max, what)
    .refine((s) => !s.includes("\u0000"), NO_NUL);
}

export const text = string(0, 100_000);
export const nonEmptyText = string(1, 100_000);
export const name = string(1, 255);
export const id = string(1, 200);

export const tokens = z
  .number({ error: INTEGER })
  .int(INTEGER)
  .nonnegative(INTEGER)
  .max(Number.MAX_SAFE_INTEGER, INTEGER);
export const count = tokens;
export const fraction = z
  .number({ error: FRACTION })
  .min(0, FRACTION)
  .max(1, FRACTION);
export const flag = z.boolean({ error: "true or false" });

/** Dollars as a JSON number or a decimal string; stored as micro-dollars. */
export const dollars = z.union(
  [
    z.number({ error: DOLLARS }).nonnegative(DOLLARS).finite(DOLLARS),
    z.string({ error: DOLLARS }).regex(/^\d+(\.\d+)?$/, DOLLARS),
  ],
  { error: DOLLARS },
);
