import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/**
 * Zod issues as `path: message` lines. Of a union's alternatives, the one
 * that matched the value's type is reported, not a bare "Invalid input".
 */
export function issueLines(error: z.ZodError): string[] {
  return flatten(error.issues, []).map(
    ({ path, message }) => `${path.join(".") || "(top level)"}: ${message}`,
  );
}

function flatten(
  issues: readonly Issue[],
  prefix: readonly PropertyKey[],
): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== "invalid_union")
      return [{ path, message: issue.message }];
    const branch = issue.errors.find((b) => !wrongType(b)) ?? issue.errors[0];
    return branch ? flatten(branch, path) : [{ path, message: issue.message }];
  });
}

function wrongType(branch: readonly Issue[]): boolean {
  const [first] = branch;
  return (
    branch.length === 1 &&
    first?.code === "invalid_type" &&
    first.path.length === 0
  );
}
