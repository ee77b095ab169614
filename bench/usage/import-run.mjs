#!/usr/bin/env node
// Times importClaude on a corpus: a full read, then a repeat over the
// unchanged tree with the states the first one returned (records only, no
// store). Prints one JSON line.
import { importClaude } from "../../dist/importers/index.js";

const dir = process.argv[2];
let t = performance.now();
const first = await importClaude({ dirs: [dir] });
const full_s = (performance.now() - t) / 1000;
t = performance.now();
const again = await importClaude({ dirs: [dir], previous: first.files });
const repeat_s = (performance.now() - t) / 1000;
process.stdout.write(
  `${JSON.stringify({
    full_s,
    repeat_s,
    usage_records: first.usage.length,
    task_records: first.tasks.length,
    repeat_files_read: again.stats.files_read,
    repeat_bytes_read: again.stats.bytes_read,
  })}\n`,
);
