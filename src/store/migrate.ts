import { type Kysely, sql } from "kysely";
import { ConfigError } from "../domain/errors.js";
import type { DialectName } from "./dialect.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Migration } from "./migrations/migration.js";

/** Any constant works; it only has to be the same in every process. */
const PG_MIGRATION_LOCK = 72_114_001;

/**
 * Brings the schema up to date. Safe to run twice and from several processes
 * at once: SQLite takes its write lock up front (`BEGIN IMMEDIATE`) and
 * PostgreSQL an advisory lock, both held until the transaction ends.
 */
export async function migrate(
  db: Kysely<unknown>,
  dialect: DialectName,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.connection().execute(async (conn) => {
    await sql
      .raw(dialect === "sqlite" ? "begin immediate" : "begin")
      .execute(conn);
    try {
      if (dialect === "postgres") {
        await sql`select pg_advisory_xact_lock(${PG_MIGRATION_LOCK})`.execute(
          conn,
        );
      }
      const applied = await applyPending(conn, dialect, migrations);
      await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

async function applyPending(
  db: Kysely<unknown>,
  dialect: DialectName,
  migrations: readonly Migration[],
): Promise<number[]> {
  const done = await appliedVersions(db);
  const newest = migrations.at(-1)?.version ?? 0;
  const beyond = [...done].filter((v) => v > newest);
  if (beyond.length > 0) {
    throw new ConfigError(
      `the database has schema version ${Math.max(...beyond)}, newer than ` +
        `this tokenledger knows (${newest}): upgrade tokenledger`,
    );
  }
  const applied: number[] = [];
  for (const step of migrations) {
    if (done.has(step.version)) continue;
    await step.up(db, dialect);
    await sql`insert into tokenledger_migrations (version, name, applied_at)
      values (${step.version}, ${step.name}, ${new Date().toISOString()})`.execute(
      db,
    );
    applied.push(step.version);
  }
  return applied;
}

async function appliedVersions(db: Kysely<unknown>): Promise<Set<number>> {
  // Plain SQL, the same in both dialects: every command that opens a
  // ledger runs this, and the schema builder's first use costs a millisecond.
  await sql`create table if not exists tokenledger_migrations (
    version integer primary key,
    name text not null,
    applied_at text not null)`.execute(db);
  const rows = await sql<{ version: number }>`
    select version from tokenledger_migrations`.execute(db);
  return new Set(rows.rows.map((r) => Number(r.version)));
}
