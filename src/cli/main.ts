#!/usr/bin/env node
import { processIo } from "./io.js";
import { main } from "./run.js";

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tokenledger: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
