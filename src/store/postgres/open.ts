import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { LedgerRecord } from "../../domain/normalized.js";
import type { EncodedBatch } from "../encoded-batch.js";
import { migrate } from "../migrate.js";
import type { Database as Schema } from "../schema.js";
import type { Store, WriteResult } from "../store.js";
import type { PgPool } from "./driver.js";
import { PgWriter } from "./writer.js";

const INT8 = 20;
const TIMESTAMPTZ = 1184;

/** Counts fit in a double, and timestamps read back as they were written. */
function typeParsers(): pg.CustomTypesConfig {
  return {
    getTypeParser(oid, format) {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
}

/** Connects to a PostgreSQL ledger by URL and migrates it. */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types: typeParsers(),
  });
  pool.on("error", () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db as never, "postgres");
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new PostgresStore(db, pool);
}

class PostgresStore implements Store {
  readonly dialect = "postgres";
  readonly concurrency = 2;
  private readonly writer: PgWriter;

  constructor(
    readonly db: Kysely<Schema>,
    pool: PgPool,
  ) {
    this.writer = new PgWriter(pool);
  }

  write(records: readonly LedgerRecord[]): Promise<WriteResult> {
    return this.writer.write(records);
  }

  writeBatch(batch: EncodedBatch): Promise<WriteResult> {
    return this.writer.writeBatch(batch);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
