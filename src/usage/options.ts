import { ConfigError } from "../domain/errors.js";
import type { ProjectMap } from "../importers/project-map.js";
import type { ImporterName } from "../importers/scan-target.js";
import type { PricingConfig } from "../pricing/config.js";

export const USAGE_REPORTS = ["daily", "monthly", "session"] as const;
export type UsageReportKind = (typeof USAGE_REPORTS)[number];

const AGENTS: readonly ImporterName[] = ["claude", "codex"];
const ORDERS = ["asc", "desc"] as const;
const DAY = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/**
 * Options of `runUsage`, as the command line gives them. `projects` and
 * `pricing` come already checked (`projectMapSchema`, `loadPricingConfig`).
 */
export interface UsageOptionsInput {
  readonly report: UsageReportKind;
  readonly agent?: ImporterName;
  readonly dirs?: readonly string[];
  /** First and last local day, `YYYY-MM-DD` or `YYYYMMDD`. */
  readonly since?: string;
  readonly until?: string;
  /** A project name, or the folder it was mapped from. */
  readonly project?: string;
  /** An IANA zone; the process's own by default. */
  readonly timezone?: string;
  readonly order?: (typeof ORDERS)[number];
  readonly projects?: ProjectMap;
  readonly pricing?: PricingConfig;
  readonly threads?: number;
}

export interface UsageOptions extends UsageOptionsInput {
  readonly agent: ImporterName;
  readonly dirs: readonly string[];
  readonly order: (typeof ORDERS)[number];
}

/**
 * Checks options by hand (the usage path stays free of schema libraries to
 * start fast); a bad one is a ConfigError saying what was expected.
 */
export function parseUsageOptions(input: UsageOptionsInput): UsageOptions {
  oneOf("report", input.report, USAGE_REPORTS);
  oneOf("agent", input.agent, AGENTS);
  oneOf("order", input.order, ORDERS);
  if (input.timezone !== undefined && !isTimeZone(input.timezone)) {
    fail(
      "timezone",
      "an IANA time zone like Europe/Paris or UTC",
      input.timezone,
    );
  }
  const threads = input.threads;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    fail("threads", "a whole number of threads, 1 or more", threads);
  }
  return Object.freeze({
    ...input,
    agent: input.agent ?? "claude",
    dirs: input.dirs ?? [],
    order: input.order ?? "asc",
    ...day("since", input.since),
    ...day("until", input.until),
  });
}

function day(name: "since" | "until", value: string | undefined) {
  if (value === undefined) return {};
  const match = DAY.exec(value);
  if (!match) fail(name, "a date like 2025-06-01 or 20250601", value);
  return { [name]: `${match[1]}-${match[2]}-${match[3]}` };
}

function oneOf(name: string, value: unknown, allowed: readonly unknown[]) {
  if (value !== undefined && !allowed.includes(value)) {
    fail(name, `one of ${allowed.join(", ")}`, value);
  }
}

function fail(name: string, expected: string, got: unknown): never {
  throw new ConfigError(
    `usage option ${name}: expected ${expected}, got ${JSON.stringify(got)}`,
  );
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    // Intl throws a RangeError for a zone it does not know.
    return false;
  }
}
