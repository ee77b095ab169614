import type { Kysely } from "kysely";
import { SOURCE_TABLES } from "../../domain/sources.js";
import { DETAIL_COLUMNS } from "../detail-columns.js";
import { columnType, type DialectName, keyType } from "../dialect.js";
import type { Migration } from "./migration.js";

type Db = Kysely<unknown>;

async function createTasks(db: Db, d: DialectName) {
  await db.schema
    .createTable("tasks")
    .addColumn("correlation_id", keyType(d), (c) => c.primaryKey())
    .addColumn("id", keyType(d), (c) => c.notNull())
    .addColumn("project", "text", (c) => c.notNull())
    .addColumn("customer", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("agent", "text")
    .addColumn("description", "text")
    .addColumn("started_at", columnType(d, "timestamp"))
    .addColumn("ended_at", columnType(d, "timestamp"))
    .addColumn("outcome", "text")
    .execute();
  await db.schema
    .createIndex("tasks_project")
    .on("tasks")
    .columns(["customer", "project"])
    .execute();
}

async function createUsage(db: Db, d: DialectName) {
  const big = columnType(d, "bigint");
  await db.schema
    .createTable("usage_records")
    .addColumn("id", keyType(d), (c) => c.primaryKey())
    .addColumn("correlation_id", keyType(d), (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("at", columnType(d, "timestamp"), (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("input_tokens", big, (c) => c.notNull())
    .addColumn("output_tokens", big, (c) => c.notNull())
    .addColumn("cache_read_tokens", big, (c) => c.notNull())
    .addColumn("cache_write_5m_tokens", big, (c) => c.notNull())
    .addColumn("cache_write_1h_tokens", big, (c) => c.notNull())
    .addColumn("cost_usd_micros", big)
    .addColumn("request_id", "text")
    .execute();
  await db.schema
    .createIndex("usage_records_correlation")
    .on("usage_records")
    .column("correlation_id")
    .execute();
}

async function createLedger(db: Db, d: DialectName) {
  await db.schema
    .createTable("savings_ledger")
    .addColumn("id", keyType(d), (c) => c.primaryKey())
    .addColumn("correlation_id", keyType(d), (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("at", columnType(d, "timestamp"), (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("estimated_tokens_saved", columnType(d, "bigint"))
    .addColumn("confidence", columnType(d, "real"))
    .addColumn("claim", "text", (c) => c.notNull())
    .addColumn("derived", "text")
    .execute();
  await db.schema
    .createIndex("savings_ledger_correlation")
    .on("savings_ledger")
    .column("correlation_id")
    .execute();
  await db.schema
    .createTable("holdouts")
    .addColumn("id", keyType(d), (c) => c.primaryKey())
    .addColumn("correlation_id", keyType(d), (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("at", columnType(d, "timestamp"), (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("holdouts_correlation")
    .on("holdouts")
    .column("correlation_id")
    .execute();
}

async function createRollups(db: Db, d: DialectName) {
  const big = columnType(d, "bigint");
  await db.schema
    .createTable("savings_rollups")
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("project", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("interventions", big, (c) => c.notNull())
    .addColumn("holdouts", big, (c) => c.notNull())
    .addColumn("estimated_tokens_saved", big, (c) => c.notNull())
    .addColumn("pending", big, (c) => c.notNull())
    .addPrimaryKeyConstraint("savings_rollups_pk", [
      "customer",
      "project",
      "day",
      "source",
      "type",
    ])
    .execute();
  let usage = db.schema
    .createTable("usage_rollups")
    .addColumn("customer", "text", (c) => c.notNull())
    .addColumn("project", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("priced_by_source", "integer", (c) => c.notNull());
  for (const col of USAGE_SUMS) {
    usage = usage.addColumn(col, big, (c) => c.notNull());
  }
  await usage
    .addPrimaryKeyConstraint("usage_rollups_pk", [
      "customer",
      "project",
      "day",
      "model",
      "priced_by_source",
    ])
    .execute();
}

export const USAGE_SUMS = [
  "requests",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_5m_tokens",
  "cache_write_1h_tokens",
  "cost_usd_micros",
] as const;

async function createSpecTables(db: Db, d: DialectName) {
  await db.schema
    .createTable("agent_manifest_injections")
    .addColumn("id", columnType(d, "bigint"), (c) => c.primaryKey())
    .addColumn("correlation_id", keyType(d), (c) => c.notNull())
    .addColumn("patterns_provided", columnType(d, "bigint"))
    .addColumn("schemas_provided", columnType(d, "bigint"))
    .addColumn("debug_intelligence_provided", columnType(d, "bool"))
    .addColumn("created_at", columnType(d, "timestamp"), (c) => c.notNull())
    .execute();
  for (const [source, table] of Object.entries(SOURCE_TABLES)) {
    let create = db.schema
      .createTable(table)
      .addColumn("id", keyType(d), (c) => c.primaryKey())
      .addColumn("correlation_id", keyType(d), (c) => c.notNull());
    const columns = DETAIL_COLUMNS[source as keyof typeof DETAIL_COLUMNS];
    for (const [name, kind] of columns) {
      create = create.addColumn(name, columnType(d, kind), (c) =>
        name === "manifest_injection_id"
          ? c.references("agent_manifest_injections.id")
          : c,
      );
    }
    await create
      .addColumn("created_at", columnType(d, "timestamp"), (c) => c.notNull())
      .execute();
  }
}

async function createObservations(db: Db, d: DialectName) {
  await db.schema
    .createTable("observations")
    .addColumn("id", keyType(d), (c) => c.primaryKey())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("value_tokens", columnType(d, "real"), (c) => c.notNull())
    .addColumn("n", columnType(d, "bigint"), (c) => c.notNull())
    .addColumn("project", "text")
    .addColumn("customer", "text")
    .addColumn("at", columnType(d, "timestamp"), (c) => c.notNull())
    .execute();
}

export const initial: Migration = {
  version: 1,
  name: "initial",
  async up(db, dialect) {
    await createTasks(db, dialect);
    await createUsage(db, dialect);
    await createLedger(db, dialect);
    await createRollups(db, dialect);
    await createSpecTables(db, dialect);
    await createObservations(db, dialect);
  },
};
