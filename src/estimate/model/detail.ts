import type { DetailValue } from "../types.js";

type Detail = Readonly<Record<string, DetailValue>>;

/** A positive number stored under `key`, or null. */
export function positive(detail: Detail, key: string): number | null {
  const value = detail[key];
  return typeof value === "number" && Number.isFinite(value) && value > 0
    ? value
    : null;
}

/** A non-negative number stored under `key`, or null. */
export function count(detail: Detail, key: string): number | null {
  const value = detail[key];
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? value
    : null;
}

export function text(detail: Detail, key: string): string | null {
  const value = detail[key];
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function flag(detail: Detail, key: string): boolean | null {
  const value = detail[key];
  return typeof value === "boolean" ? value : null;
}
