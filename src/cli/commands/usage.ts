import { homedir } from "node:os";
import { settingsSections } from "../../config/settings-sections.js";
import { ConfigError } from "../../domain/errors.js";
import {
  describeProblem,
  type ProblemReport,
} from "../../importers/problems.js";
import { totalTokens } from "../../pricing/tokens.js";
import type { ReportTotals } from "../../usage/build-report.js";
import {
  parseUsageOptions,
  USAGE_REPORTS,
  type UsageOptionsInput,
} from "../../usage/options.js";
import { renderUsageTable } from "../../usage/render-table.js";
import type { UsageRun } from "../../usage/run-usage.js";
import {
  type Options,
  onePositional,
  type Parsed,
  parse,
  stringOption,
  threadsOption,
} from "../args.js";
import type { Command } from "../command.js";
import { type Io, write } from "../io.js";
import { progressBar, wantsProgress } from "../progress-bar.js";
import { UsageError } from "../usage-error.js";

const HELP = `Usage: tokenledger usage daily|monthly|session [--dir D]… [options]

What the agents actually spent, read straight from their own logs (no
ledger needed): tokens and dollars per local day, month or session. Each
API response is counted once, however many lines or files repeat it, and
priced at the price of its date.

  daily|monthly|session  how to group the rows
  --agent A        claude (default): Claude Code, projects/**/*.jsonl under
                   each root; roots: --dir, else CLAUDE_CONFIG_DIR (a comma
                   list), else ~/.config/claude and ~/.claude
                   codex: sessions/ and archived_sessions/ under --dir, else
                   CODEX_HOME, else ~/.codex
  --dir D          a root to read (repeatable)
  --since DAY      from this local day (YYYY-MM-DD or YYYYMMDD), inclusive
  --until DAY      to this local day, inclusive
  --project P      only this project (its name, or the log folder it is
                   mapped from)
  --timezone TZ    the IANA zone days and months are counted in (default:
                   this machine's)
  --order O        asc: oldest first (default), or desc: newest first
  --json           the report as JSON on stdout
  --verbose        list every skipped line as FILE:LINE on stderr
  --threads N      threads to read with, this one included (default: one
                   per core from 256 MiB of logs, else one)
  --config FILE    settings: "pricing" adds or overrides prices, "projects"
                   names log folders (default: TOKENLEDGER_CONFIG, then
                   ~/.tokenledger/config.json when it exists)

Skipped lines, unreadable files and models without a price are reported on
stderr; everything else is counted.

Exit status: 0 when the report was printed, 1 when it could not be (for
example unreadable settings), 2 when the command itself was wrong.
`;

const OPTIONS = {
  agent: { type: "string" },
  dir: { type: "string", multiple: true },
  since: { type: "string" },
  until: { type: "string" },
  project: { type: "string" },
  timezone: { type: "string" },
  order: { type: "string" },
  json: { type: "boolean" },
  verbose: { type: "boolean" },
  threads: { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

export const usage: Command = {
  name: "usage",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parse("usage", argv, OPTIONS);
    if (values.help) return write(io.stdout, HELP).then(() => 0);
    const input = checked(optionsOf(values, positionals));
    const settings = await usageSettings(stringOption(values.config), io);
    const run = await read({ ...input, ...settings }, io);
    await show(run, io, values.json === true, values.verbose === true);
    return 0;
  },
};

/** Pricing and project names from the settings file, if there is one. */
async function usageSettings(
  given: string | undefined,
  io: Io,
): Promise<Pick<UsageOptionsInput, "pricing" | "projects">> {
  const settings = await settingsSections(given, io.env);
  const { pricing, projects } = settings ?? {};
  return { ...(pricing ? { pricing } : {}), ...(projects ? { projects } : {}) };
}

function optionsOf(
  values: Parsed["values"],
  positionals: readonly string[],
): UsageOptionsInput {
  const flag = (name: string) => stringOption(values[name]);
  return {
    report: onePositional("usage", USAGE_REPORTS, positionals),
    agent: flag("agent") as UsageOptionsInput["agent"],
    dirs: (values.dir as string[] | undefined) ?? [],
    since: flag("since"),
    until: flag("until"),
    project: flag("project"),
    timezone: flag("timezone"),
    order: flag("order") as UsageOptionsInput["order"],
    ...threadsOf(values),
  };
}

function threadsOf(values: Parsed["values"]) {
  const threads = threadsOption("usage", values.threads);
  return threads === undefined ? {} : { threads };
}

/**
 * A value the library refuses is a wrong command line (exit status 2),
 * named by its flag: the library's option names are the flags' names.
 */
function checked(input: UsageOptionsInput): UsageOptionsInput {
  try {
    parseUsageOptions(input);
    return input;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const message = error.message.replace(/^usage option (\w+):/, "--$1:");
    throw new UsageError(`${message} (see: tokenledger usage --help)`);
  }
}

/** The report, with a progress bar on a terminal. */
async function read(input: UsageOptionsInput, io: Io): Promise<UsageRun> {
  const bar = wantsProgress(io) ? progressBar(io.stderr) : undefined;
  try {
    const { runUsage } = await import("../../usage/run-usage.js");
    return await runUsage(input, {
      env: io.env,
      home: io.env.HOME || homedir(),
      ...(bar ? { onProgress: (p) => bar.update(p) } : {}),
    });
  } finally {
    bar?.clear();
  }
}

async function show(run: UsageRun, io: Io, json: boolean, verbose: boolean) {
  const text = json
    ? JSON.stringify(run.report, null, 2)
    : renderUsageTable(run.report);
  await write(io.stdout, `${text}\n`);
  const talk = [
    ...nothingFound(run),
    ...problemLines(run.problems, verbose),
    ...(json ? [] : unpricedLines(run.report.totals)),
    ...(verbose ? [readLine(run)] : []),
  ];
  if (talk.length) await write(io.stderr, `${talk.join("\n")}\n`);
}

function readLine({ stats: s }: UsageRun): string {
  const threads = s.threads === 1 ? "1 thread" : `${s.threads} threads`;
  return `read ${s.files_read} of ${s.files_seen} files (${s.bytes_read} bytes) on ${threads}`;
}

/** Said when no root held a log file and none was reported unreadable. */
function nothingFound(run: UsageRun): string[] {
  if (run.stats.files_seen > 0 || run.problems.unreadable_files > 0) return [];
  return ["no log files found; name the folder that holds them with --dir"];
}

/** Unreadable files always by name, malformed lines with --verbose. */
function problemLines(p: ProblemReport, verbose: boolean): string[] {
  const skipped = [
    count(p.malformed_lines, "malformed line", "malformed lines"),
    count(p.unreadable_files, "unreadable file", "unreadable files"),
    count(p.unkeyed_lines, "line", "lines", " without a response id"),
  ].filter((part) => part !== "");
  if (skipped.length === 0) return [];
  const listed = p.details.filter((d) => verbose || d.kind === "unreadable");
  const hint =
    !verbose && p.malformed_lines > 0 ? " (--verbose lists them)" : "";
  return [
    ...listed.map(describeProblem),
    `skipped ${skipped.join(", ")}${hint}`,
  ];
}

function unpricedLines(totals: ReportTotals): string[] {
  return totals.unpriced.map(
    (u) =>
      `warning: ${u.model} has no price; ` +
      `${count(totalTokens(u), "token", "tokens")} left out of the cost ` +
      '(add a price under "pricing" in the settings file, see --config)',
  );
}

/** "1 line", "3 lines", or "" for none. */
function count(n: number, one: string, many: string, tail = ""): string {
  if (n === 0) return "";
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}${tail}`;
}
