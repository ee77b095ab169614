import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A place to open a store: a fresh SQLite file or PostgreSQL database. */
export interface Backend {
  readonly name: "sqlite" | "postgres";
  /** Makes a new empty database and returns what `openStore` takes. */
  fresh(): Promise<string>;
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.TOKENLEDGER_TEST_PG;

if (!PG_URL) {
  process.stderr.write(
    "\n  NOTICE: PostgreSQL tests are skipped: TOKENLEDGER_TEST_PG is not set\n\n",
  );
}

function sqliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    name: "sqlite",
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), "tokenledger-test-"));
      dirs.push(dir);
      return join(dir, "ledger.db");
    },
    async cleanup() {
      for (const dir of dirs.splice(0))
        rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(url: string): Backend {
  const made: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "postgres",
    async fresh() {
      const name = `tl_test_${randomBytes(6).toString("hex")}`;
      await admin((c) => c.query(`create database ${name}`));
      made.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      return target.toString();
    },
    async cleanup() {
      for (const name of made.splice(0)) {
        await admin((c) =>
          c.query(`drop database if exists ${name} with (force)`),
        );
      }
    },
  };
}

/** SQLite always; PostgreSQL when TOKENLEDGER_TEST_PG names a server. */
export function backends(): Backend[] {
  return PG_URL
    ? [sqliteBackend(), postgresBackend(PG_URL)]
    : [sqliteBackend()];
}
