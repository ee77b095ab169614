import { createReadStream } from "node:fs";
import { InputError } from "../../domain/errors.js";
import { type IngestSummary, ingestStream } from "../../ingest/ingest.js";
import type { Store } from "../../store/store.js";
import { DB_OPTION, dbTarget, parse } from "../args.js";
import type { Command } from "../command.js";
import { type Io, write } from "../io.js";
import { UsageError } from "../usage-error.js";
import { withStore } from "../with-store.js";

const HELP = `Usage: tokenledger ingest FILE|- [FILE…] [--json] [--db PATH|URL]

Stores NDJSON records (task, usage, intervention, holdout), one per line.
Each line is checked on its own: a bad line is reported as FILE:LINE and
skipped, every valid line is stored. Records already stored are counted as
duplicates, so ingesting the same file twice changes nothing.

  --json          print the summary as JSON on stdout
  --max-errors N  errors listed (default 1000; the count is always exact)
  --db PATH|URL   SQLite file or postgres:// URL (default: TOKENLEDGER_DB,
                  then ~/.tokenledger/ledger.db)

Exit status: 0 when every line was stored or a duplicate, 1 when any line
was rejected, 2 when the command itself was wrong.
`;

export const ingest: Command = {
  name: "ingest",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parse("ingest", argv, {
      ...DB_OPTION,
      json: { type: "boolean" },
      "max-errors": { type: "string" },
    });
    if (values.help) return write(io.stdout, HELP).then(() => 0);
    if (positionals.length === 0)
      throw new UsageError("ingest needs a FILE or - for stdin");
    const maxErrors = Number(values["max-errors"] ?? 1000);
    const total = await withStore(dbTarget(values, io.env), (store) =>
      ingestAll(store, positionals, io, maxErrors),
    );
    await report(total, io, values.json === true);
    return total.rejected > 0 ? 1 : 0;
  },
};

async function ingestAll(
  store: Store,
  files: string[],
  io: Io,
  maxErrors: number,
) {
  const total: IngestSummary = {
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
  };
  for (const file of files) {
    const input =
      file === "-"
        ? io.stdin
        : createReadStream(file, { highWaterMark: 1 << 20 });
    const summary = await ingestStream(input, store, {
      name: file,
      maxErrors,
    }).catch((error: NodeJS.ErrnoException) => {
      if (!error.code?.startsWith("E")) throw error;
      throw new InputError(`cannot read ${file}: ${error.message}`);
    });
    total.accepted += summary.accepted;
    total.duplicates += summary.duplicates;
    total.rejected += summary.rejected;
    total.errors.push(...summary.errors);
  }
  return total;
}

async function report(s: IngestSummary, io: Io, json: boolean) {
  if (json) {
    await write(io.stdout, `${JSON.stringify(s)}\n`);
    return;
  }
  const lines = s.errors.map((e) => `${e}\n`).join("");
  const more = s.rejected - s.errors.length;
  const tail = more > 0 ? `… and ${more} more rejected lines\n` : "";
  await write(
    io.stderr,
    `${lines}${tail}accepted ${s.accepted}, duplicates ${s.duplicates}, rejected ${s.rejected}\n`,
  );
}
