import type { Io } from "./io.js";

/** A subcommand: returns the exit code; only the entry point exits. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: string[], io: Io): Promise<number>;
}
