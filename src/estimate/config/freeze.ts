/** Freezes a plain value and everything inside it; returns the same value. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
