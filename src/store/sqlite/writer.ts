import type { Day } from "../../domain/ids.js";
import type {
  HoldoutRecord,
  LedgerRecord,
  TaskRecord,
  UsageRecord,
} from "../../domain/normalized.js";
import type { InterventionSource } from "../../domain/sources.js";
import { SOURCE_TABLES } from "../../domain/sources.js";
import { type Attribution, UNASSIGNED } from "../attribution.js";
import { encodeRecords } from "../batch-builder.js";
import type { EncodedBatch, OtherRecord } from "../encoded-batch.js";
import { rehome } from "../rehome.js";
import {
  REHOME_HOLDOUTS,
  REHOME_SAVINGS,
  REHOME_USAGE,
} from "../rehome-sql.js";
import { RollupDelta, usageTotal } from "../rollup-delta.js";
import {
  DELETE_EMPTY_ROLLUPS,
  forSqlite,
  SAVINGS_ROLLUP_COLUMNS,
  UPSERT_SAVINGS_ROLLUP,
  UPSERT_USAGE_ROLLUP,
  USAGE_ROLLUP_COLUMNS,
} from "../rollup-sql.js";
import {
  detailColumns,
  HOLDOUT_COLUMNS,
  holdoutValues,
  insertSql,
  LEDGER_COLUMNS,
  LEDGER_INDEX,
  MANIFEST_INJECTION_COLUMNS,
  OBSERVATION_COLUMNS,
  observationValues,
  TASK_COLUMNS,
  taskUpdateValues,
  taskValues,
  UPDATE_TASK,
  UPDATE_USAGE,
  USAGE_COLUMNS,
  usageUpdateValues,
  usageValues,
} from "../rows.js";
import type { TasksTable, UsageRecordsTable } from "../schema.js";
import type { Conflict, WriteResult } from "../store.js";
import { mergeTask } from "../task-merge.js";
import type { SqliteDriver, SqliteStatement } from "./driver.js";
import { decodeRows, type SqliteInterventionRow } from "./encode.js";

type Outcome = "accepted" | "duplicate" | string;

/** Writes batches with prepared statements, one transaction per batch. */
export class SqliteWriter {
  private readonly sql: ReturnType<typeof prepareAll>;
  private readonly owners = new Map<string, Attribution>();
  private dataVersion: number | undefined;

  constructor(private readonly driver: SqliteDriver) {
    this.sql = prepareAll(driver);
  }

  write(records: readonly LedgerRecord[]): WriteResult {
    return this.writeBatch(encodeRecords("sqlite", records));
  }

  writeBatch(batch: EncodedBatch): WriteResult {
    try {
      return this.driver
        .transaction(() => {
          this.forgetOwnersIfChanged();
          return this.writeAll(batch as EncodedBatch<Uint8Array>);
        })
        .immediate();
    } catch (error) {
      this.owners.clear();
      throw error;
    }
  }

  /**
   * Owners read in earlier transactions hold while no other connection has
   * written since: another process may have stored the task that moves a
   * correlation id. SQLite's `data_version` changes exactly then.
   */
  private forgetOwnersIfChanged(): void {
    const version = this.sql.dataVersion.get() as { data_version: number };
    if (version.data_version !== this.dataVersion) this.owners.clear();
    this.dataVersion = version.data_version;
  }

  private writeAll(batch: EncodedBatch<Uint8Array>): WriteResult {
    const delta = new RollupDelta();
    const conflicts: Conflict[] = [];
    let accepted = 0;
    let duplicates = batch.repeated;
    for (const { index, record } of batch.others) {
      const outcome = this.writeOne(record, delta);
      if (outcome === "accepted") accepted += 1;
      else if (outcome === "duplicate") duplicates += 1;
      else conflicts.push({ index, message: outcome });
    }
    for (const row of decodeRows(batch.rows)) {
      if (this.intervention(row, delta)) accepted += 1;
      else duplicates += 1;
    }
    this.flush(delta);
    return { accepted, duplicates, conflicts };
  }

  private writeOne(r: OtherRecord, delta: RollupDelta): Outcome {
    switch (r.kind) {
      case "holdout":
        return this.holdout(r, delta);
      case "usage":
        return this.usage(r, delta);
      case "task":
        return this.task(r, delta);
      case "observation":
        return this.sql.observation.run(...observationValues(r)).changes === 1
          ? "accepted"
          : "duplicate";
    }
  }

  /** Stores one intervention's rows unless its id is stored already. */
  private intervention(
    [ledger, detail, injection]: SqliteInterventionRow,
    delta: RollupDelta,
  ): boolean {
    if (this.sql.ledger.run(ledger).changes === 0) return false;
    if (injection) this.sql.injection.run(injection);
    const source = ledger[LEDGER_INDEX.source] as InterventionSource;
    this.sql.detail[source].run(detail);
    const owner = this.owner(ledger[LEDGER_INDEX.correlation_id] as string);
    delta.addIntervention(owner, {
      day: ledger[LEDGER_INDEX.day] as Day,
      source,
      type: ledger[LEDGER_INDEX.type] as string,
      estimated_tokens_saved: ledger[LEDGER_INDEX.estimated_tokens_saved] as
        | number
        | null,
    });
    return true;
  }

  private holdout(r: HoldoutRecord, delta: RollupDelta): Outcome {
    if (this.sql.holdout.run(...holdoutValues(r)).changes === 0)
      return "duplicate";
    delta.addHoldout(this.owner(r.correlation_id), r);
    return "accepted";
  }

  private usage(r: UsageRecord, delta: RollupDelta): Outcome {
    if (this.sql.usage.run(...usageValues(r)).changes === 1) {
      delta.addUsage(this.owner(r.correlation_id), r);
      return "accepted";
    }
    const old = this.sql.usageById.get(r.id) as UsageRecordsTable;
    if (usageTotal(r) <= usageTotal(old)) return "duplicate";
    this.sql.usageReplace.run(...usageUpdateValues(r));
    delta.addUsage(
      this.owner(old.correlation_id),
      { ...old, kind: "usage" } as UsageRecord,
      -1,
    );
    delta.addUsage(this.owner(r.correlation_id), r);
    return "accepted";
  }

  private task(r: TaskRecord, delta: RollupDelta): Outcome {
    const stored = this.sql.taskById.get(r.correlation_id) as
      | TasksTable
      | undefined;
    const merge = mergeTask(stored, r);
    switch (merge.action) {
      case "conflict":
        return merge.message;
      case "duplicate":
        return "duplicate";
      case "update":
        this.sql.taskUpdate.run(...taskUpdateValues(merge.row));
        return "accepted";
      case "insert":
        this.sql.task.run(...taskValues(r));
        this.moveToTask(r, delta);
        return "accepted";
    }
  }

  private moveToTask(r: TaskRecord, delta: RollupDelta): void {
    const to = { customer: r.customer, project: r.project };
    this.owners.set(r.correlation_id, to);
    const id = r.correlation_id;
    rehome(delta, to, {
      savings: this.sql.rehomeSavings.all(id) as never[],
      holdouts: this.sql.rehomeHoldouts.all(id) as never[],
      usage: this.sql.rehomeUsage.all(id) as never[],
    });
  }

  private owner(correlationId: string): Attribution {
    let owner = this.owners.get(correlationId);
    if (!owner) {
      const row = this.sql.ownerOf.get(correlationId) as
        | Attribution
        | undefined;
      owner = row ?? UNASSIGNED;
      if (this.owners.size > 100_000) this.owners.clear();
      this.owners.set(correlationId, owner);
    }
    return owner;
  }

  private flush(delta: RollupDelta): void {
    for (const row of delta.savings.values()) {
      this.sql.savingsRollup.run(
        ...SAVINGS_ROLLUP_COLUMNS.map((c) => row[c as keyof typeof row]),
      );
    }
    for (const row of delta.usage.values()) {
      this.sql.usageRollup.run(
        ...USAGE_ROLLUP_COLUMNS.map((c) => row[c as keyof typeof row]),
      );
    }
    if (delta.emptiesRows) for (const stmt of this.sql.deleteEmpty) stmt.run();
  }
}

function prepareAll(driver: SqliteDriver) {
  const prep = (sql: string) => driver.prepare(forSqlite(sql));
  const detail = {} as Record<InterventionSource, SqliteStatement>;
  for (const [source, table] of Object.entries(SOURCE_TABLES)) {
    const s = source as InterventionSource;
    detail[s] = prep(insertSql(table, detailColumns(s)));
  }
  return {
    detail,
    dataVersion: driver.prepare("pragma data_version"),
    ledger: prep(insertSql("savings_ledger", LEDGER_COLUMNS)),
    holdout: prep(insertSql("holdouts", HOLDOUT_COLUMNS)),
    observation: prep(insertSql("observations", OBSERVATION_COLUMNS)),
    usage: prep(insertSql("usage_records", USAGE_COLUMNS)),
    usageById: prep("select * from usage_records where id = $1"),
    usageReplace: prep(UPDATE_USAGE),
    injection: prep(
      insertSql("agent_manifest_injections", MANIFEST_INJECTION_COLUMNS),
    ),
    task: prep(insertSql("tasks", TASK_COLUMNS)),
    taskById: prep("select * from tasks where correlation_id = $1"),
    taskUpdate: prep(UPDATE_TASK),
    ownerOf: prep(
      "select customer, project from tasks where correlation_id = $1",
    ),
    rehomeSavings: prep(REHOME_SAVINGS),
    rehomeHoldouts: prep(REHOME_HOLDOUTS),
    rehomeUsage: prep(REHOME_USAGE),
    savingsRollup: prep(UPSERT_SAVINGS_ROLLUP),
    usageRollup: prep(UPSERT_USAGE_ROLLUP),
    deleteEmpty: DELETE_EMPTY_ROLLUPS.map(prep),
  };
}
