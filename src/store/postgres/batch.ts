import type { LedgerRecord } from "../../domain/normalized.js";
import { type Attribution, UNASSIGNED } from "../attribution.js";
import { RollupDelta } from "../rollup-delta.js";
import type { PgClient } from "./driver.js";

/** "accepted", "duplicate", or the message of a conflict. */
export type Outcome = string;

export interface Item {
  readonly index: number;
  readonly record: LedgerRecord;
}

const LOCK_BUCKETS = 1024;

/** One batch on its way into PostgreSQL: its records, outcomes and rollups. */
export class Batch {
  readonly outcomes: (Outcome | undefined)[];
  readonly delta = new RollupDelta();
  private readonly owners = new Map<string, Attribution>();

  constructor(readonly records: readonly LedgerRecord[]) {
    this.outcomes = new Array(records.length);
  }

  of(kind: LedgerRecord["kind"]): Item[] {
    const items: Item[] = [];
    this.records.forEach((record, index) => {
      if (record.kind === kind) items.push({ index, record });
    });
    return items;
  }

  /** Records of a kind, a repeated id within the batch settled as duplicate. */
  firstOfEachId(kind: LedgerRecord["kind"]): Item[] {
    const seen = new Set<string>();
    return this.of(kind).filter(({ index, record }) => {
      if (!seen.has(record.id)) return seen.add(record.id);
      this.settle(index, "duplicate");
      return false;
    });
  }

  settle(index: number, outcome: Outcome): void {
    this.outcomes[index] = outcome;
  }

  settleInserted(items: readonly Item[], inserted: ReadonlySet<string>): void {
    for (const { index, record } of items) {
      this.settle(index, inserted.has(record.id) ? "accepted" : "duplicate");
    }
  }

  setOwner(correlationId: string, owner: Attribution): void {
    this.owners.set(correlationId, owner);
  }

  owner(correlationId: string): Attribution {
    return this.owners.get(correlationId) ?? UNASSIGNED;
  }

  /**
   * Serializes this batch against task arrivals for the same correlation ids
   * in other processes, so a task never misses rows committed beside it.
   * Locks are taken on hash buckets, in order, shared unless the batch
   * brings a task for that bucket.
   */
  async lockCorrelations(client: PgClient): Promise<void> {
    const ids = [...new Set(this.records.map((r) => r.correlation_id))];
    const tasks = this.of("task").map((i) => i.record.correlation_id);
    await client.query(
      `select case when exclusive then pg_advisory_xact_lock(7211, k)
         else pg_advisory_xact_lock_shared(7211, k) end
       from (select k, bool_or(t) as exclusive from (
         select abs(hashtext(x)) % ${LOCK_BUCKETS} as k, false as t
           from unnest($1::text[]) x
         union all
         select abs(hashtext(x)) % ${LOCK_BUCKETS}, true from unnest($2::text[]) x
       ) b group by k) s order by k`,
      [ids, tasks],
    );
  }

  async loadOwners(client: PgClient): Promise<void> {
    const ids = [
      ...new Set(
        this.records
          .filter(
            (r) => r.kind !== "task" && !this.owners.has(r.correlation_id),
          )
          .map((r) => r.correlation_id),
      ),
    ];
    if (ids.length === 0) return;
    const found = await client.query<Attribution & { correlation_id: string }>(
      `select correlation_id, customer, project from tasks
       where correlation_id = any($1::text[])`,
      [ids],
    );
    for (const row of found.rows) {
      this.owners.set(row.correlation_id, {
        customer: row.customer,
        project: row.project,
      });
    }
  }
}
