import type { Command } from "../command.js";
import { demo } from "./demo.js";
import { holdout } from "./holdout.js";
import { importCommand } from "./import.js";
import { ingest } from "./ingest.js";
import { report } from "./report.js";
import { track } from "./track.js";
import { usage } from "./usage.js";

/** Every command, in the order `tokenledger --help` lists them. */
export const COMMANDS: readonly Command[] = [
  ingest,
  track,
  importCommand,
  report,
  usage,
  holdout,
  demo,
];
