import { collectResponses, type ReadStats } from "../importers/collect.js";
import { ProblemLog, type ProblemReport } from "../importers/problems.js";
import type { ScanProgress } from "../importers/scan-pool.js";
import { AGENT_LOGS } from "./agents.js";
import { buildReport, type UsageReport } from "./build-report.js";
import { EarlyPricing } from "./early-pricing.js";
import { LocalCalendar } from "./local-date.js";
import {
  parseUsageOptions,
  type UsageOptions,
  type UsageOptionsInput,
} from "./options.js";
import { place, projectNamer } from "./place.js";

/** What the command line supplies besides options. */
export interface UsageIo {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly home?: string;
  /** Called as files are read; a CLI can draw a bar on stderr with it. */
  readonly onProgress?: (progress: ScanProgress) => void;
}

export interface UsageRun {
  readonly report: UsageReport;
  readonly problems: ProblemReport;
  readonly stats: ReadStats;
  /** The zone days and months are counted in. */
  readonly timezone: string;
}

/**
 * Reports usage straight from the logs, without a store: each response
 * counted once, priced at its date, grouped by local day, month or
 * session.
 *
 * @example
 * const { report } = await runUsage({ report: "daily", since: "2025-06-01" });
 */
export async function runUsage(
  input: UsageOptionsInput,
  io: UsageIo = {},
): Promise<UsageRun> {
  const options = parseUsageOptions(input);
  const problems = new ProblemLog();
  const logs = AGENT_LOGS[options.agent];
  const files = logs.find({ dirs: options.dirs, ...io }, problems);
  const name = projectNamer(options);
  // The price catalog is large; it loads while the files are read, and
  // responses are priced as they come.
  const book = import("../pricing/price-book.js").then((m) =>
    m.createPriceBook(options.pricing),
  );
  const pricing = new EarlyPricing(book, name);
  const calendar = new LocalCalendar(options.timezone);
  const collected = await collectResponses(
    options.agent,
    files,
    {
      incremental: false,
      ...scanOptions(options, io),
      onOutcome: (outcome) => pricing.add(outcome.responses),
    },
    problems,
  );
  const priceOf = await pricing.pricer();
  const items = place(collected.responses.values(), options, calendar, {
    name,
    priceOf,
  });
  return {
    report: buildReport(options, items, calendar),
    problems: problems.report(),
    stats: collected.stats,
    // Looked up only when asked: naming the zone costs a setup of Intl.
    get timezone() {
      return calendar.timeZone;
    },
  };
}

function scanOptions(options: UsageOptions, io: UsageIo) {
  return {
    ...(options.threads ? { threads: options.threads } : {}),
    ...(io.onProgress ? { onProgress: io.onProgress } : {}),
  };
}
