import { z } from "zod";
import { ValidationError } from "../domain/errors.js";
import { INTERVENTION_SOURCES } from "../domain/sources.js";
import type { EstimateObservation } from "./types.js";

/** The shape detectors and the API send observations in. */
export const observationSchema = z.strictObject({
  source: z.enum(INTERVENTION_SOURCES),
  type: z.string().min(1).max(255),
  kind: z.enum(["transcript", "before_after"]),
  value_tokens: z.number().finite(),
  n: z.number().int().positive().optional(),
});

/**
 * Checks one observation, e.g. an error→retry cycle a detector measured in
 * a transcript. Throws ValidationError naming the field at fault.
 *
 * @example parseObservation({ source: "hook_correction", type: "url_fix",
 *   kind: "transcript", value_tokens: 11_200 })
 */
export function parseObservation(
  value: unknown,
  where = "observation",
): EstimateObservation {
  const parsed = observationSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".") || "(root)";
  throw new ValidationError(
    `${where}.${field}`,
    `${issue?.message ?? "invalid"}; expected ${describeShape()}`,
  );
}

function describeShape(): string {
  return (
    "{ source, type, kind: transcript|before_after, value_tokens, n? } " +
    "with value_tokens a cycle cost or a saving per task"
  );
}
