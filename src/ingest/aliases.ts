import { ValidationError } from "../domain/errors.js";
import { found } from "./issue-message.js";

/**
 * Reads a field that may come under either of two names (the generic one
 * and the specification's column); when both are given they must agree.
 */
export function eitherOf<T>(
  record: Readonly<Record<string, unknown>>,
  preferred: string,
  alias: string,
): T | undefined {
  const a = record[preferred];
  const b = record[alias];
  if (a !== undefined && b !== undefined && a !== b) {
    throw new ValidationError(
      alias,
      `expected the same value as \`${preferred}\` (${found(a)}), got ${found(b)}`,
    );
  }
  return (a ?? b) as T | undefined;
}

/** Dollars as given (number or decimal string) to integer micro-dollars. */
export function toMicros(value: number | string | undefined): number | null {
  if (value === undefined) return null;
  if (typeof value === "number") return Math.round(value * 1_000_000);
  const [whole = "0", frac = ""] = value.split(".");
  const micros = `${frac}000000`.slice(0, 6);
  const rounding = Number(frac[6] ?? "0") >= 5 ? 1 : 0;
  return Number(whole) * 1_000_000 + Number(micros) + rounding;
}
