#!/usr/bin/env node
// Times `tokenledger import claude` into a fresh SQLite ledger: a full
// import, then a repeat over the unchanged tree. Prints one JSON line.
//   node bench/usage/import-run.mjs CORPUS
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const corpus = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), "tl-bench-import-"));
const db = join(dir, "ledger.db");

function importOnce() {
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [bin, "import", "claude", "--dir", corpus, "--db", db, "--json"],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
  return { seconds, summary: JSON.parse(run.stdout) };
}

try {
  const first = importOnce();
  const again = importOnce();
  process.stdout.write(
    `${JSON.stringify({
      full_s: first.seconds,
      repeat_s: again.seconds,
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
