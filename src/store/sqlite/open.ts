import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { LedgerRecord } from "../../domain/normalized.js";
import type { EncodedBatch } from "../encoded-batch.js";
import { migrate } from "../migrate.js";
import type { Database as Schema } from "../schema.js";
import type { Store, WriteResult } from "../store.js";
import type { SqliteDriver } from "./driver.js";
import { SqliteWriter } from "./writer.js";

/** Opens (creating when needed) a SQLite ledger file and migrates it. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const binding = nativeBinding();
  const raw = new Database(path, binding ? { nativeBinding: binding } : {});
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("busy_timeout = 15000");
  raw.pragma("foreign_keys = ON");
  raw.pragma("cache_size = -32768");
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: raw }),
  });
  try {
    await migrate(db as never, "sqlite");
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqliteStore(db, raw);
}

/**
 * The driver's compiled addon, named outright where it usually is: the
 * driver's own search for it walks a dozen paths and a stack trace, a
 * millisecond or two of every command that opens a ledger.
 */
function nativeBinding(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(
      "better-sqlite3/build/Release/better_sqlite3.node",
    );
  } catch {
    return undefined;
  }
}

class SqliteStore implements Store {
  readonly dialect = "sqlite";
  readonly concurrency = 1;
  private readonly writer: SqliteWriter;

  constructor(
    readonly db: Kysely<Schema>,
    driver: SqliteDriver,
  ) {
    this.writer = new SqliteWriter(driver);
  }

  async write(records: readonly LedgerRecord[]): Promise<WriteResult> {
    return this.writer.write(records);
  }

  async writeBatch(batch: EncodedBatch): Promise<WriteResult> {
    return this.writer.writeBatch(batch);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
