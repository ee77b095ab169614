import { homedir } from "node:os";
import { join } from "node:path";
import { ConfigError, TokenledgerError } from "../domain/errors.js";
import type { Store } from "./store.js";

/** Where the ledger lives when neither `--db` nor `TOKENLEDGER_DB` says. */
export function defaultDbPath(): string {
  return join(homedir(), ".tokenledger", "ledger.db");
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Opens the ledger named by a path or a `postgres://` URL, creating and
 * migrating it when needed.
 */
export async function openStore(
  target: string = defaultDbPath(),
): Promise<Store> {
  try {
    // Each dialect's driver loads only when its kind of ledger is opened.
    if (isPostgresUrl(target)) {
      const { openPostgresStore } = await import("./postgres/open.js");
      return await openPostgresStore(target);
    }
    const { openSqliteStore } = await import("./sqlite/open.js");
    return await openSqliteStore(target);
  } catch (error) {
    if (error instanceof TokenledgerError) throw error;
    const reason = (error as Error).message || String(error);
    throw new ConfigError(
      `cannot open the ledger at ${redact(target)}: ${reason}`,
    );
  }
}

/** A URL as it may appear in messages: without its password. */
export function redact(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    const url = new URL(target);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "the given postgres URL";
  }
}
