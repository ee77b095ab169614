import { z } from "zod";

const count = z.number().int().nonnegative();

/** Validates a state read back from the store. */
export const fileStateSchema = z.strictObject({
  path: z.string().min(1),
  dev: count,
  ino: count,
  size: count,
  offset: count,
  line: count,
  head: z.string(),
  edge: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
});
