// Runs one ingest the way `tokenledger ingest` does and prints its figures
// as JSON: a child process so its peak memory is its own.
import { createReadStream } from "node:fs";
import { ingestStream } from "../dist/ingest/ingest.js";

import { openStore } from "../dist/store/open-store.js";

const [file, target] = process.argv.slice(2);
const store = await openStore(target);
const start = process.hrtime.bigint();
const summary = await ingestStream(
  createReadStream(file, { highWaterMark: 1 << 20 }),
  store,
  { name: file },
);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
await store.close();
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ seconds, maxRssMb, ...summary, errors: summary.errors.length })}\n`,
);
