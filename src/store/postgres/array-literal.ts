const NEEDS_ESCAPE = /["\\]/;

/**
 * A column of values as a PostgreSQL array literal. Building it here is
 * several times faster than letting the driver escape each element, and
 * bulk inserts send one of these per column.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    out += element(values[i]);
  }
  return `${out}}`;
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
