// npm run bench:ingest — 1,000,000 intervention records from NDJSON into
// SQLite and PostgreSQL, each next to a bare insert of the same rows in the
// same run. Prints a table of figures; see docs/BENCHMARKS.md.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeRecords } from "./make-records.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const COUNT = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const data = join(here, ".data");
const file = join(data, `records-${COUNT}.ndjson`);

function child(script, target) {
  const run = spawnSync(process.execPath, [join(here, script), file, target], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1));
}

function freshSqlite(name) {
  const path = join(data, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"])
    rmSync(path + suffix, { force: true });
  return path;
}

function freshPostgres(admin, name) {
  execFileSync(
    "psql",
    [
      admin,
      "-qc",
      `drop database if exists ${name} with (force)`,
      "-c",
      `create database ${name}`,
    ],
    { stdio: "ignore" },
  );
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

function startPostgres() {
  const out = execFileSync(join(here, "../scripts/pg-throwaway.sh"), {
    encoding: "utf8",
  }).trim();
  const [dir, url] = out.split(" ");
  return {
    url,
    stop: () =>
      execFileSync(join(here, "../scripts/pg-throwaway.sh"), ["stop", dir]),
  };
}

/** Every record must have been stored: a fast ingest that drops some is no figure. */
function checkStored(label, result) {
  if (result.accepted === COUNT && result.rejected === 0) return;
  console.error(
    `${label}: stored ${result.accepted} of ${COUNT}, rejected ${result.rejected}`,
  );
  process.exitCode = 1;
}

function line(label, result, reference) {
  const rate = Math.round(COUNT / result.seconds);
  const refRate = Math.round(reference.records / reference.seconds);
  const ratio = rate / refRate;
  return { label, rate, refRate, ratio, rss: result.maxRssMb };
}

mkdirSync(data, { recursive: true });
if (!existsSync(file)) await makeRecords(file, COUNT);

const results = [];
let pgStored;
const sqliteOurs = child("ingest-child.mjs", freshSqlite("bench-ours"));
const sqliteRef = child("ingest-reference.mjs", freshSqlite("bench-reference"));
results.push(line("SQLite", sqliteOurs, sqliteRef));

const own = process.env.TOKENLEDGER_BENCH_PG ? null : startPostgres();
try {
  const admin = process.env.TOKENLEDGER_BENCH_PG ?? own.url;
  const pgOurs = child("ingest-child.mjs", freshPostgres(admin, "bench_ours"));
  pgStored = pgOurs;
  const pgRef = child(
    "ingest-reference.mjs",
    freshPostgres(admin, "bench_reference"),
  );
  results.push(line("PostgreSQL", pgOurs, pgRef));
} finally {
  own?.stop();
}

console.log(
  `${COUNT.toLocaleString("en-US")} intervention records, ${new Date().toISOString()}`,
);
console.log(
  "store        ingest rec/s   bare same rows rec/s   ratio   peak RSS MB",
);
for (const r of results) {
  console.log(
    `${r.label.padEnd(12)} ${String(r.rate).padStart(12)}   ${String(r.refRate).padStart(20)}   ${r.ratio.toFixed(2).padStart(5)}   ${r.rss.toFixed(0).padStart(11)}`,
  );
}
const [sqlite, postgres] = results;
const verdict = (ok) => (ok ? "met" : "not met");
console.log(
  `targets: SQLite ratio >= 0.50 ${verdict(sqlite.ratio >= 0.5)}; ` +
    `PostgreSQL >= 100000 rec/s ${verdict(postgres.rate >= 100_000)}; ` +
    `peak RSS < 300 MB ${verdict(results.every((r) => r.rss < 300))}`,
);
checkStored("SQLite", sqliteOurs);
checkStored("PostgreSQL", pgStored);
