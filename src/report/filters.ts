import { ConfigError } from "../domain/errors.js";

/** Which part of the ledger a report covers; days are inclusive, UTC. */
export interface ReportFilter {
  readonly project?: string;
  readonly customer?: string;
  readonly since?: string;
  readonly until?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `--since` / `--until` as a day: `YYYY-MM-DD`, or a timestamp's day. */
export function parseDay(
  flag: string,
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const day = value.slice(0, 10);
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new ConfigError(
      `--${flag}: expected a day like 2026-01-31, got "${value}"`,
    );
  }
  return day;
}
