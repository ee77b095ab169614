import { homedir } from "node:os";
import { join } from "node:path";
import { openPostgresStore } from "./postgres/open.js";
import { openSqliteStore } from "./sqlite/open.js";
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
export function openStore(target: string = defaultDbPath()): Promise<Store> {
  return isPostgresUrl(target)
    ? openPostgresStore(target)
    : openSqliteStore(target);
}
