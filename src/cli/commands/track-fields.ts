import type { z } from "zod";
import { UsageError } from "../usage-error.js";

export type FieldKind = "string" | "number" | "boolean" | "dollars";

/** The kind of value a record field takes, read from its schema. */
export function fieldKind(schema: z.ZodType): FieldKind {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType };
  while (def.innerType) def = def.innerType._zod.def as typeof def;
  if (def.type === "number") return "number";
  if (def.type === "boolean") return "boolean";
  if (def.type === "union") return "dollars";
  return "string";
}

export function kebab(field: string): string {
  return field.replaceAll("_", "-");
}

/** A flag's text as the value its field takes. */
export function fieldValue(
  flag: string,
  kind: FieldKind,
  text: string,
): unknown {
  if (kind === "string" || kind === "dollars") return text;
  if (kind === "boolean") {
    if (text === "true" || text === "false") return text === "true";
    throw new UsageError(`--${flag}: expected true or false, got "${text}"`);
  }
  const n = Number(text);
  if (text.trim() === "" || Number.isNaN(n)) {
    throw new UsageError(`--${flag}: expected a number, got "${text}"`);
  }
  return n;
}
