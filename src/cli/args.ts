import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./usage-error.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  readonly values: Record<
    string,
    string | boolean | (string | boolean)[] | undefined
  >;
  readonly positionals: string[];
}

/** Parses a command's arguments; an unknown or malformed flag is a UsageError. */
export function parse(
  command: string,
  argv: string[],
  options: Options,
): Parsed {
  try {
    return parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "";
    throw new UsageError(`${message} (see: tokenledger ${command} --help)`);
  }
}

export function stringOption(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The database named by `--db`, else `TOKENLEDGER_DB`, else the default. */
export function dbTarget(
  values: Parsed["values"],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return stringOption(values.db) ?? (env.TOKENLEDGER_DB || undefined);
}

export const DB_OPTION = {
  db: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** A whole-number flag, or undefined when absent. */
export function integerOption(
  flag: string,
  value: unknown,
): number | undefined {
  if (typeof value !== "string") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new UsageError(`--${flag}: expected a whole number, got "${value}"`);
  }
  return n;
}

/** `--threads N` of a command that reads logs: 1 or more, or undefined. */
export function threadsOption(
  command: string,
  value: unknown,
): number | undefined {
  const threads = integerOption("threads", value);
  if (threads !== undefined && threads < 1) {
    throw new UsageError(
      `--threads: expected a whole number of threads, 1 or more, got ${threads} (see: tokenledger ${command} --help)`,
    );
  }
  return threads;
}

/**
 * The one positional a command takes, out of those it knows: `usage daily`,
 * `import claude`. Anything else, or more, is a UsageError.
 */
export function onePositional<T extends string>(
  command: string,
  known: readonly T[],
  positionals: readonly string[],
): T {
  const [first, ...extra] = positionals;
  if (known.includes(first as T) && extra.length === 0) return first as T;
  const got = positionals.length ? `"${positionals.join(" ")}"` : "nothing";
  throw new UsageError(
    `${command} needs one of ${known.join(", ")}, got ${got} ` +
      `(see: tokenledger ${command} --help)`,
  );
}
