import { ConflictError, TokenledgerError } from "../domain/errors.js";
import type { CommandEntry } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { type Io, write } from "./io.js";
import { UsageError } from "./usage-error.js";

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: tokenledger COMMAND [options]

Measures how many tokens and dollars AI coding-agent tooling saves.

Commands:
${rows.join("\n")}

Run tokenledger COMMAND --help for a command's options.
`;
}

/** Runs one command line and returns the process exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    await write(io.stdout, overview());
    return name ? 0 : 2;
  }
  const entry: CommandEntry | undefined = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    await write(
      io.stderr,
      `tokenledger: unknown command "${name}"\n\n${overview()}`,
    );
    return 2;
  }
  try {
    return await (await entry.load()).run(rest, io);
  } catch (error) {
    return failed(error, io);
  }
}

async function failed(error: unknown, io: Io): Promise<number> {
  if (error instanceof TokenledgerError) {
    await write(io.stderr, `tokenledger: ${error.message}\n`);
    return error instanceof UsageError || error instanceof ConflictError
      ? 2
      : 1;
  }
  const detail =
    error instanceof Error ? (error.stack ?? error.message) : String(error);
  await write(io.stderr, `tokenledger: unexpected error\n${detail}\n`);
  return 70;
}
