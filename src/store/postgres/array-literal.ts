const NEEDS_ESCAPE = /["\\]/;

/**
 * A column of values as a PostgreSQL array literal. Building it here is
 * several times faster than letting the driver escape each element, and
 * bulk inserts send one of these per column.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const column = new ArrayLiteral();
  for (const value of values) column.push(value);
  return column.toString();
}

/** An array literal built one element at a time. */
export class ArrayLiteral {
  private readonly parts: string[] = [];

  get length(): number {
    return this.parts.length;
  }

  push(value: unknown): void {
    this.parts.push(element(value));
  }

  toString(): string {
    return `{${this.parts.join(",")}}`;
  }
}

function element(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value) : "NULL";
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = String(value);
  return NEEDS_ESCAPE.test(text)
    ? `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`
    : `"${text}"`;
}
