#!/usr/bin/env node
// One `import claude` into a ledger, timed inside the process around the
// library call the CLI command makes (open the store, import, close), so
// that node's own start and module loading are left out: the SQLite store's
// modules, which the store loads when it first opens one, are loaded first.
// Prints one JSON line: { seconds, summary }.
//   node bench/usage/import-once.mjs CORPUS LEDGER
import { withStore } from "../../dist/cli/with-store.js";
import { importIntoStore } from "../../dist/importers/into-store.js";
import "../../dist/store/sqlite/open.js";

const [corpus, db] = process.argv.slice(2);
const started = process.hrtime.bigint();
const summary = await withStore(db, (store) =>
  importIntoStore(store, "claude", { dirs: [corpus], env: {} }),
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ seconds, summary })}\n`);
