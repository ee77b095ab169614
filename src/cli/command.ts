import type { Io } from "./io.js";

/** A subcommand: returns the exit code; only the entry point exits. */
export interface Command {
  readonly name: string;
  readonly help: string;
  run(argv: string[], io: Io): Promise<number>;
}

/**
 * A command as `tokenledger --help` lists it. Its module, and whatever that
 * module needs, is loaded only when the command runs, so a command starts
 * without paying for the others' dependencies.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}
