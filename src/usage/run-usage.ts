import { collectResponses, type ReadStats } from "../importers/collect.js";
import { ProblemLog, type ProblemReport } from "../importers/problems.js";
import type { ScanProgress } from "../importers/scan-pool.js";
import { AGENT_LOGS } from "./agents.js";
import { buildReport, type UsageReport } from "./build-report.js";
import { EarlyPlacing } from "./early-placing.js";
import { LocalCalendar } from "./local-date.js";
import {
  parseUsageOptions,
  type UsageOptions,
  type UsageOptionsInput,
} from "./options.js";
import { placer, wanted } from "./place.js";

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
  return readLogs(parseUsageOptions(input), io);
}

async function readLogs(options: UsageOptions, io: UsageIo): Promise<UsageRun> {
  const problems = new ProblemLog();
  const files = AGENT_LOGS[options.agent].find(
    { dirs: options.dirs, ...io },
    problems,
  );
  // The price catalog is large; it loads while the files are read, and
  // responses are placed as they come.
  const book = import("../pricing/price-book.js").then((m) =>
    m.createPriceBook(options.pricing),
  );
  const calendar = new LocalCalendar(options.timezone);
  const placing = new EarlyPlacing(book, placer(options, calendar));
  const collected = await collectResponses(
    options.agent,
    files,
    {
      incremental: false,
      ...(options.threads ? { threads: options.threads } : {}),
      onOutcome: (outcome) => placing.add(outcome.responses),
      ...progressOf(io),
    },
    problems,
  );
  const placed = await placing.placed(collected.responses.values());
  const items = placed.filter((item) => wanted(options, item));
  return {
    report: buildReport(options, items),
    problems: problems.report(),
    stats: collected.stats,
    // Looked up only when asked: naming the zone costs a setup of Intl.
    get timezone() {
      return calendar.timeZone;
    },
  };
}

function progressOf(io: UsageIo) {
  return io.onProgress ? { onProgress: io.onProgress } : {};
}
