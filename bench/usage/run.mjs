#!/usr/bin/env node
// Runs `usage` from the built library as the CLI will, for timing:
//   node bench/usage/run.mjs daily|monthly|session [--dir D] [--json] [--rss]
// With --rss, the process's peak resident set (all threads) goes to stderr.
import { renderUsageTable, runUsage } from "../../dist/usage/index.js";

const [report = "daily", ...rest] = process.argv.slice(2);
const dirs = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--dir") dirs.push(rest[++i]);
}
const run = await runUsage({ report, dirs });
const text = rest.includes("--json")
  ? JSON.stringify(run.report, null, 2)
  : renderUsageTable(run.report);
process.stdout.write(`${text}\n`, () => {
  if (rest.includes("--rss")) {
    process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`);
  }
});
