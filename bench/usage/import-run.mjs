#!/usr/bin/env node
// Times `import claude` into a fresh SQLite ledger: a full import, then a
// repeat over the unchanged tree. Each is timed in its own process around
// the library call the CLI makes (import-once.mjs); the whole CLI process
// is timed too, into another fresh ledger, to show what node's start and
// module loading add. Prints one JSON line.
//   node bench/usage/import-run.mjs CORPUS
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(
  new URL("../../dist/bin/tokenledger.js", import.meta.url),
);
const once = fileURLToPath(new URL("./import-once.mjs", import.meta.url));
const corpus = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), "tl-bench-import-"));

function run(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  return { seconds, out: JSON.parse(child.stdout) };
}

/** Library call timed in-process: { seconds, summary }. */
const inProcess = (db) => run([once, corpus, db]).out;

/** The CLI as a user runs it: { seconds, summary }. */
function cli(db) {
  const argv = [bin, "import", "claude", "--dir", corpus, "--db", db, "--json"];
  const { seconds, out } = run(argv);
  return { seconds, summary: out };
}

try {
  const lib = join(dir, "library.db");
  const first = inProcess(lib);
  const again = inProcess(lib);
  const cliDb = join(dir, "cli.db");
  const cliFirst = cli(cliDb);
  const cliAgain = cli(cliDb);
  process.stdout.write(
    `${JSON.stringify({
      full_s: first.seconds,
      repeat_s: again.seconds,
      cli_full_s: cliFirst.seconds,
      cli_repeat_s: cliAgain.seconds,
      usage_records: first.summary.responses,
      task_records: first.summary.sessions,
      stored: first.summary.accepted,
      repeat_files_read: again.summary.files_read,
      repeat_bytes_read: again.summary.bytes_read,
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
