import { type Attribution, UNASSIGNED } from "../attribution.js";
import type { BatchItem, EncodedBatch, OtherRecord } from "../encoded-batch.js";
import { RollupDelta } from "../rollup-delta.js";
import type { PgClient } from "./driver.js";
import type { PostgresRows } from "./encode.js";

/** "accepted", "duplicate", or the message of a conflict. */
export type Outcome = string;

const LOCK_BUCKETS = 1024;

/**
 * One batch on its way into PostgreSQL: the outcomes of its records other
 * than interventions, their owners, and the rollup changes they make.
 */
export class Batch {
  readonly outcomes = new Map<number, Outcome>();
  readonly delta = new RollupDelta();
  private readonly owners = new Map<string, Attribution>();

  constructor(readonly encoded: EncodedBatch<PostgresRows>) {}

  of(kind: OtherRecord["kind"]): BatchItem[] {
    return this.encoded.others.filter((item) => item.record.kind === kind);
  }

  /** Records of a kind, a repeated id within the batch settled as duplicate. */
  firstOfEachId(kind: OtherRecord["kind"]): BatchItem[] {
    const seen = new Set<string>();
    return this.of(kind).filter(({ index, record }) => {
      if (!seen.has(record.id)) return seen.add(record.id);
      this.settle(index, "duplicate");
      return false;
    });
  }

  settle(index: number, outcome: Outcome): void {
    this.outcomes.set(index, outcome);
  }

  settleInserted(
    items: readonly BatchItem[],
    inserted: ReadonlySet<string>,
  ): void {
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
    const others = this.encoded.others.map((i) => i.record.correlation_id);
    const tasks = this.of("task").map((i) => i.record.correlation_id);
    await client.query(
      `select case when exclusive then pg_advisory_xact_lock(7211, k)
         else pg_advisory_xact_lock_shared(7211, k) end
       from (select k, bool_or(t) as exclusive from (
         select abs(hashtext(x)) % ${LOCK_BUCKETS} as k, false as t
           from unnest($1::text[] || $2::text[]) x
         union all
         select abs(hashtext(x)) % ${LOCK_BUCKETS}, true from unnest($3::text[]) x
       ) b group by k) s order by k`,
      [this.encoded.rows.correlations, [...new Set(others)], tasks],
    );
  }

  /** Owners of the records the writer files itself (not interventions). */
  async loadOwners(client: PgClient): Promise<void> {
    const ids = [
      ...new Set(
        this.encoded.others
          .filter(
            ({ record: r }) =>
              r.kind !== "task" && !this.owners.has(r.correlation_id),
          )
          .map((i) => i.record.correlation_id),
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
