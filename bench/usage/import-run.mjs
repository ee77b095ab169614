#!/usr/bin/env node
// Times `import claude` into a fresh SQLite ledger: a full import, then
// repeats over the unchanged tree, in three rounds (medians printed). Each is timed in its own process around
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

const ROUNDS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  // Each round: a full import into a new ledger, then repeats over it.
  const full = [];
  const repeat = [];
  let first;
  let again;
  for (let round = 0; round < ROUNDS; round++) {
    const lib = join(dir, `library-${round}.db`);
    first = inProcess(lib);
    full.push(first.seconds);
    for (let i = 0; i < ROUNDS; i++) {
      again = inProcess(lib);
      repeat.push(again.seconds);
    }
  }
  const cliDb = join(dir, "cli.db");
  const cliFirst = cli(cliDb);
  const cliAgain = cli(cliDb);
  process.stdout.write(
    `${JSON.stringify({
      rounds: ROUNDS,
      full_s: median(full),
      repeat_s: median(repeat),
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
