import type { z } from "zod";

/** Renders a value the way an error message quotes what it found. */
export function found(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * One schema issue as `field: expected …, got …`. Field schemas carry the
 * expectation as their message; zod's own codes fill in the rest.
 */
export function issueMessage(
  issue: z.core.$ZodIssue,
  input: unknown,
  known: string,
): string {
  const field = issue.path.map(String).join(".") || "record";
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const others =
      issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).join(", ")})` : "";
    return `${key}: expected no such field${others}; this record takes ${known}, got ${found(valueAt(input, [key]))}`;
  }
  const got = found(valueAt(input, issue.path));
  return `${field}: expected ${expectation(issue)}, got ${got}`;
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_type":
      return issue.message.startsWith("Invalid input")
        ? `a value of type ${issue.expected}`
        : issue.message;
    default:
      return issue.message;
  }
}
