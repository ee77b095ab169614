#!/usr/bin/env node
// `tokenledger usage daily --json` against `ccusage@20.0.24 claude daily
// --json --offline` on the same generated corpus, in the same run, plus a
// check that every session's token totals equal ccusage's `session` ones,
// and `import claude` timed around the library call the CLI makes.
//
//   node bench/usage.mjs [--mib 200] [--rounds 11] [--corpus /tmp/corpus/claude]
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = parseArgs(process.argv.slice(2));
const corpus = args.corpus ?? "/tmp/corpus/claude";
const mib = Number(args.mib ?? 200);
const rounds = Number(args.rounds ?? 11);
const generator =
  args.generator ??
  fileURLToPath(
    new URL("../../shared/tools/gen-claude-corpus.mjs", import.meta.url),
  );

ensureBuilt();
ensureCorpus();
const ccusage = findCcusage();
const cli = join(root, "dist/bin/tokenledger.js");
const ours = (report) => [
  process.execPath,
  [cli, "usage", report, "--dir", corpus, "--json"],
];
const theirs = (report) => [
  ccusage.command,
  [...ccusage.args, "claude", report, "--json", "--offline"],
];

const times = { ours: [], ccusage: [] };
const rss = { ours: [], ccusage: [] };
for (let i = 0; i < rounds; i++) {
  const a = timed(...ours("daily"));
  const b = timed(...theirs("daily"));
  times.ours.push(a.seconds);
  times.ccusage.push(b.seconds);
  rss.ours.push(a.rssKb);
  rss.ccusage.push(b.rssKb);
}
const check = compareSessions();
const imports = JSON.parse(
  execFileSync("node", [join(root, "bench/usage/import-run.mjs"), corpus], {
    encoding: "utf8",
  }),
);
report();

function report() {
  const line = (name, value, reference) =>
    console.log(`${name.padEnd(44)} ${value.padStart(12)}   ${reference}`);
  console.log(
    `corpus ${corpus} (${mib} MiB asked), ${rounds} alternating rounds, ccusage via ${ccusage.label}`,
  );
  line(
    "usage daily --json wall, median (min)",
    `${fmt(median(times.ours))} s`,
    `ccusage ${fmt(median(times.ccusage))} s (min ${fmt(Math.min(...times.ccusage))}); ours min ${fmt(Math.min(...times.ours))} s`,
  );
  line(
    "ratio ours / ccusage (medians)",
    (median(times.ours) / median(times.ccusage)).toFixed(2),
    "target <= 1.00",
  );
  line(
    "peak RSS, max over rounds",
    `${(Math.max(...rss.ours) / 1024).toFixed(0)} MB`,
    `ccusage ${rss.ccusage.every(Number.isFinite) ? `${(Math.max(...rss.ccusage) / 1024).toFixed(0)} MB` : "n/a"}; target < 150 MB`,
  );
  line(
    "sessions with identical token totals",
    `${check.equal}/${check.total}`,
    check.mismatches.length
      ? `MISMATCH: ${check.mismatches.slice(0, 3).join("; ")}`
      : "all equal to ccusage claude session",
  );
  line(
    "grand total tokens",
    String(check.oursTotal),
    `ccusage ${check.theirTotal}`,
  );
  line(
    `import claude, new ledger (median of ${imports.rounds})`,
    `${fmt(imports.full_s)} s`,
    `${(imports.full_s / median(times.ours)).toFixed(2)}x the usage scan (target <= 3); ${imports.usage_records} responses, ${imports.task_records} sessions`,
  );
  line(
    `import again, unchanged (median of ${imports.rounds ** 2})`,
    `${fmt(imports.repeat_s)} s`,
    `${((imports.repeat_s / imports.full_s) * 100).toFixed(1)}% of the full import (target < 5%); ${imports.repeat_files_read} files, ${imports.repeat_bytes_read} bytes read`,
  );
  line(
    "  the same as whole CLI processes",
    `${fmt(imports.cli_full_s)} s`,
    `then ${fmt(imports.cli_repeat_s)} s again; node's start and module loading included`,
  );
  if (check.mismatches.length) process.exitCode = 1;
}

function compareSessions() {
  const ourRun = spawnSync(...ours("session"), {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const theirRun = spawnSync(...theirs("session"), {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, CLAUDE_CONFIG_DIR: corpus },
  });
  const mine = JSON.parse(ourRun.stdout).sessions;
  const their = JSON.parse(theirRun.stdout).sessions;
  const byKey = new Map(mine.map((s) => [`${s.project}/${s.session_id}`, s]));
  const mismatches = [];
  for (const s of their) {
    const o = byKey.get(`${s.projectPath}/${s.sessionId}`);
    const want = [
      s.inputTokens,
      s.outputTokens,
      s.cacheCreationTokens,
      s.cacheReadTokens,
    ];
    const got = o && [
      o.input_tokens,
      o.output_tokens,
      o.cache_write_tokens,
      o.cache_read_tokens,
    ];
    if (!got || got.join() !== want.join())
      mismatches.push(`${s.sessionId}: ${got} vs ${want}`);
  }
  if (mine.length !== their.length)
    mismatches.push(`${mine.length} sessions vs ${their.length}`);
  const sum = (rows, key) => rows.reduce((t, r) => t + r[key], 0);
  return {
    total: their.length,
    equal:
      their.length -
      mismatches.filter((m) => !m.includes(" sessions vs ")).length,
    mismatches,
    oursTotal: sum(mine, "total_tokens"),
    theirTotal: sum(their, "totalTokens"),
  };
}

/** Wall time and peak RSS of one run; RSS via GNU time when present. */
function timed(command, argv) {
  const gnuTime = existsSync("/usr/bin/time");
  const [cmd, cmdArgs] = gnuTime
    ? ["/usr/bin/time", ["-f", "maxrss_kb=%M", command, ...argv]]
    : [command, argv];
  const started = process.hrtime.bigint();
  const run = spawnSync(cmd, cmdArgs, {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, CLAUDE_CONFIG_DIR: corpus },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  const kb = [...run.stderr.matchAll(/maxrss_kb=(\d+)/g)].map((m) =>
    Number(m[1]),
  );
  return { seconds, rssKb: kb.length ? Math.max(...kb) : Number.NaN };
}

function ensureBuilt() {
  if (existsSync(join(root, "dist/bin/tokenledger.js"))) return;
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
}

function ensureCorpus() {
  if (existsSync(join(corpus, "projects"))) return;
  execFileSync("node", [generator, "--out", corpus, "--mib", String(mib)], {
    stdio: "inherit",
  });
}

/** ccusage's native binary when npx has it, else its npx launcher. */
function findCcusage() {
  const launcher = execFileSync(
    "npx",
    ["-y", "-p", "ccusage@20.0.24", "which", "ccusage"],
    {
      encoding: "utf8",
    },
  ).trim();
  const pkg = dirname(dirname(realpathSync(launcher)));
  const native = join(
    dirname(pkg),
    "@ccusage",
    `ccusage-${process.platform}-${process.arch}`,
    "bin",
    "ccusage",
  );
  if (existsSync(native)) {
    // npm unpacks the binary without its execute bit; ccusage's own
    // launcher sets it on first run, and so do we.
    chmodSync(native, 0o755);
    return { command: native, args: [], label: "its native binary" };
  }
  return { command: launcher, args: [], label: "its npm launcher" };
}

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i += 2)
    out[list[i].replace(/^--/, "")] = list[i + 1];
  return out;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(seconds) {
  return seconds.toFixed(3);
}
