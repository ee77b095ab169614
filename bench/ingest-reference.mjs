// The reference for the ingest benchmark: the same rows ingest writes
// (ledger, detail, manifest injections), already parsed, inserted through
// bare prepared statements (SQLite) or multi-row INSERTs (PostgreSQL) in
// transactions of the same size. Only the inserts are timed.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import pg from "pg";
import { SOURCE_TABLES } from "../dist/domain/sources.js";
import { normalizeRecord } from "../dist/ingest/normalize.js";
import { openStore } from "../dist/store/open-store.js";
import {
  detailColumns,
  detailValues,
  LEDGER_COLUMNS,
  ledgerValues,
  MANIFEST_INJECTION_COLUMNS,
  manifestInjectionValues,
} from "../dist/store/rows.js";

const [file, target] = process.argv.slice(2);
const BATCH = 10_000;
const postgres = target.startsWith("postgres");
const dialect = postgres ? "postgres" : "sqlite";

function rowsOf(records) {
  const tables = new Map();
  const add = (table, columns, values) => {
    if (!tables.has(table)) tables.set(table, { columns, rows: [] });
    tables.get(table).rows.push(values);
  };
  for (const r of records) {
    add("savings_ledger", LEDGER_COLUMNS, ledgerValues(r));
    const injection = manifestInjectionValues(r, dialect);
    if (injection)
      add("agent_manifest_injections", MANIFEST_INJECTION_COLUMNS, injection);
    add(
      SOURCE_TABLES[r.source],
      detailColumns(r.source),
      detailValues(r, dialect),
    );
  }
  return tables;
}

async function* batches() {
  let records = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line.trim() === "") continue;
    records.push(normalizeRecord(JSON.parse(line)));
    if (records.length === BATCH) {
      yield rowsOf(records);
      records = [];
    }
  }
  if (records.length > 0) yield rowsOf(records);
}

function sqliteWriter() {
  const db = new Database(target);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -32768");
  const statements = new Map();
  const statement = (table, columns) => {
    if (!statements.has(table)) {
      const params = columns.map(() => "?").join(", ");
      statements.set(
        table,
        db.prepare(
          `insert into ${table} (${columns.join(", ")}) values (${params})`,
        ),
      );
    }
    return statements.get(table);
  };
  const write = db.transaction((tables) => {
    for (const [table, { columns, rows }] of tables) {
      const insert = statement(table, columns);
      for (const row of rows) insert.run(...row);
    }
  });
  return {
    write: async (tables) => write.immediate(tables),
    close: async () => db.close(),
  };
}

async function postgresWriter() {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  const PER_STATEMENT = 1_000;
  return {
    async write(tables) {
      await client.query("begin");
      for (const [table, { columns, rows }] of tables) {
        for (let i = 0; i < rows.length; i += PER_STATEMENT) {
          const part = rows.slice(i, i + PER_STATEMENT);
          const values = part.map(
            (row, r) =>
              `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`,
          );
          await client.query(
            `insert into ${table} (${columns.join(", ")}) values ${values.join(", ")}`,
            part.flat(),
          );
        }
      }
      await client.query("commit");
    },
    close: () => client.end(),
  };
}

await (await openStore(target)).close();
const writer = postgres ? await postgresWriter() : sqliteWriter();
let seconds = 0;
let records = 0;
for await (const tables of batches()) {
  const start = process.hrtime.bigint();
  await writer.write(tables);
  seconds += Number(process.hrtime.bigint() - start) / 1e9;
  records += tables.get("savings_ledger").rows.length;
}
await writer.close();
process.stdout.write(`${JSON.stringify({ seconds, records })}\n`);
