import { settingsSections } from "../../config/settings-sections.js";
import {
  importIntoStore,
  type StoreImportSummary,
} from "../../importers/into-store.js";
import { describeProblem } from "../../importers/problems.js";
import type { ImporterName } from "../../importers/scan-target.js";
import {
  DB_OPTION,
  dbTarget,
  onePositional,
  parse,
  stringOption,
  threadsOption,
} from "../args.js";
import type { Command } from "../command.js";
import { type Io, write } from "../io.js";
import { withStore } from "../with-store.js";

const AGENTS: readonly ImporterName[] = ["claude", "codex"];

const HELP = `Usage: tokenledger import claude|codex [--dir D]… [--json] [--verbose]

Reads what agents actually spent from their own logs into the ledger: each
session becomes a task, each API response one usage record. Only what was
appended since the last import is read, so running it often is cheap, and
a response is never counted twice, however often or concurrently it runs.

  claude           Claude Code: projects/**/*.jsonl under each root, sub-agents
                   included. Roots: --dir, else CLAUDE_CONFIG_DIR (a comma
                   list), else ~/.config/claude and ~/.claude
  codex            Codex: sessions/ and archived_sessions/ under --dir, else
                   CODEX_HOME, else ~/.codex
  --dir D          a root to read (repeatable)
  --json           print the summary as JSON on stdout
  --verbose        list every skipped line as FILE:LINE
  --threads N      threads to read with, this one included (default: one
                   per core from 256 MiB of new log bytes, else one)
  --config FILE    settings; its "projects" section maps log folders to
                   project and customer names
  --db PATH|URL    SQLite file or postgres:// URL

Exit status: 0 when everything read was stored, 1 when lines were skipped
or records refused, 2 when the command itself was wrong.
`;

export const importCommand: Command = {
  name: "import",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parse("import", argv, {
      ...DB_OPTION,
      dir: { type: "string", multiple: true },
      json: { type: "boolean" },
      verbose: { type: "boolean" },
      threads: { type: "string" },
      config: { type: "string" },
    });
    if (values.help) return write(io.stdout, HELP).then(() => 0);
    const importer = onePositional("import", AGENTS, positionals);
    const settings = await settingsSections(
      stringOption(values.config),
      io.env,
    );
    const projects = settings?.projects;
    const dirs = (values.dir as string[] | undefined) ?? [];
    const threads = threadsOption("import", values.threads);
    const summary = await withStore(dbTarget(values, io.env), (store) =>
      importIntoStore(store, importer, {
        dirs,
        env: io.env,
        ...(projects ? { projects } : {}),
        ...(threads ? { threads } : {}),
      }),
    );
    await tell(summary, io, values.json === true, values.verbose === true);
    return clean(summary) ? 0 : 1;
  },
};

function clean(s: StoreImportSummary): boolean {
  const p = s.problems;
  return (
    p.malformed_lines + p.unreadable_files === 0 &&
    s.conflicts.length + s.rejected.length === 0
  );
}

async function tell(
  s: StoreImportSummary,
  io: Io,
  json: boolean,
  verbose: boolean,
) {
  if (json) {
    await write(io.stdout, `${JSON.stringify(s)}\n`);
    return;
  }
  const details = s.problems.details.filter(
    (p) => verbose || p.kind === "unreadable",
  );
  const lines = [
    ...details.map(describeProblem),
    ...s.conflicts,
    ...s.rejected,
    summaryLine(s),
  ];
  await write(io.stderr, `${lines.join("\n")}\n`);
}

function summaryLine(s: StoreImportSummary): string {
  const p = s.problems;
  const skipped = [
    p.malformed_lines && `${p.malformed_lines} malformed lines skipped`,
    p.unreadable_files && `${p.unreadable_files} files unreadable`,
    p.unkeyed_lines && `${p.unkeyed_lines} lines without a response id`,
  ].filter(Boolean);
  const hint =
    p.malformed_lines > 0 && p.details.length > 0
      ? " (--verbose lists them)"
      : "";
  return (
    `${s.importer}: ${s.files_read} of ${s.files_seen} files read ` +
    `(${s.bytes_read} bytes), ${s.sessions} sessions, ` +
    `${s.responses} responses; stored ${s.accepted}, ` +
    `already stored ${s.duplicates}` +
    (skipped.length ? `; ${skipped.join(", ")}${hint}` : "")
  );
}
