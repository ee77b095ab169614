import { z } from "zod";

const TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** An ISO 8601 timestamp with a zone, normalized to UTC with milliseconds. */
export const timestamp = z
  .string()
  .refine((s) => TIMESTAMP.test(s) && !Number.isNaN(Date.parse(s)), {
    message:
      "an ISO 8601 timestamp with a time zone, like 2026-01-02T03:04:05Z",
  })
  .transform((s) => new Date(s).toISOString());

export const text = z.string().max(100_000);
export const name = z.string().min(1).max(255);
export const id = z.string().min(1).max(200);
export const tokens = z
  .number()
  .int()
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER);
export const count = z.number().int().nonnegative();
export const fraction = z.number().min(0).max(1);

/** Dollars as a JSON number or a decimal string; stored as micro-dollars. */
export const dollars = z.union([
  z.number().nonnegative().finite(),
  z.string().regex(/^\d+(\.\d+)?$/, "a decimal amount like 0.0123"),
]);
