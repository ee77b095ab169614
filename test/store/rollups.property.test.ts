import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { SOURCE_TABLES } from "../../src/domain/sources.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { backends } from "../helpers/backends.js";
import { dumpTables, TABLES } from "../helpers/dump.js";
import { records } from "../helpers/records.js";

const ids = fc.constantFrom("a", "b", "c", "d");
const at = fc
  .integer({ min: 0, max: 3 })
  .map((d) => `2026-01-0${d + 1}T12:00:00Z`);
/** Ids the tooling chose itself, which may collide across sources. */
const own = fc.option(fc.constantFrom("i1", "i2"), { nil: undefined });

const record = fc.oneof(
  fc.record({
    kind: fc.constant("task"),
    correlation_id: ids,
    project: fc.constantFrom("p", "q"),
  }),
  fc.record({
    kind: fc.constant("usage"),
    correlation_id: ids,
    model: fc.constantFrom("m1", "m2"),
    at,
    input_tokens: fc.nat(1_000),
    output_tokens: fc.nat(1_000),
    cost_usd: fc.option(fc.constantFrom("0.5", "1.25"), { nil: undefined }),
    id: fc.option(fc.constantFrom("r1", "r2"), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("intervention"),
    correlation_id: ids,
    source: fc.constant("hook_correction"),
    type: fc.constantFrom("url_fix", "path_correction"),
    at,
    id: own,
  }),
  fc.record({
    kind: fc.constant("intervention"),
    correlation_id: ids,
    source: fc.constant("agent_specialization"),
    agent_name: fc.constant("agent-db"),
    at,
    id: own,
  }),
  fc.record({
    kind: fc.constant("intervention"),
    correlation_id: ids,
    source: fc.constant("manifest_intelligence"),
    manifest_injection_id: fc.constantFrom(1, 2),
    actual_tokens: fc.nat(5_000),
    at,
  }),
  fc.record({
    kind: fc.constant("holdout"),
    correlation_id: ids,
    source: fc.constant("context_optimization"),
    at,
  }),
);

async function writeInBatches(store: Store, all: object[], cuts: number[]) {
  let start = 0;
  for (const cut of [
    ...cuts.map((c) => c % (all.length + 1)).sort((x, y) => x - y),
    all.length,
  ]) {
    await store.write(records(...all.slice(start, Math.max(start, cut))));
    start = Math.max(start, cut);
  }
}

/** Ledger rows without their detail row, and detail rows without theirs. */
async function halfStored(store: Store) {
  const details = Object.values(SOURCE_TABLES)
    .map((t) => `select id, '${t}' as t from ${t}`)
    .join(" union all ");
  const tables = Object.entries(SOURCE_TABLES)
    .map(([s, t]) => `when '${s}' then '${t}'`)
    .join(" ");
  const result = await sql
    .raw(`select l.id, d.id as detail from savings_ledger l
      full join (${details}) d
        on d.id = l.id and d.t = case l.source ${tables} end
      where l.id is null or d.id is null`)
    .execute(store.db);
  return result.rows;
}

/** The rollups recomputed from the rows they summarize. */
async function recomputed(store: Store) {
  const savings = await sql`
    select coalesce(t.customer, '') as customer, coalesce(t.project, '') as project,
      x.day, x.source, x.type, cast(sum(x.n) as bigint) as interventions,
      cast(sum(x.h) as bigint) as holdouts,
      cast(sum(x.tokens) as bigint) as estimated_tokens_saved,
      cast(sum(x.pending) as bigint) as pending
    from (
      select correlation_id, day, source, type, 1 as n, 0 as h,
        coalesce(estimated_tokens_saved, 0) as tokens,
        case when estimated_tokens_saved is null then 1 else 0 end as pending
      from savings_ledger
      union all
      select correlation_id, day, source, type, 0, 1, 0, 0 from holdouts
    ) x left join tasks t on t.correlation_id = x.correlation_id
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(store.db);
  const usage = await sql`
    select coalesce(t.customer, '') as customer, coalesce(t.project, '') as project,
      u.day, u.model, case when u.cost_usd_micros is null then 0 else 1 end as priced_by_source,
      count(*) as requests, cast(sum(u.input_tokens) as bigint) as input_tokens,
      cast(sum(u.output_tokens) as bigint) as output_tokens,
      cast(sum(coalesce(u.cost_usd_micros, 0)) as bigint) as cost_usd_micros
    from usage_records u left join tasks t on t.correlation_id = u.correlation_id
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(store.db);
  return { savings: savings.rows, usage: usage.rows };
}

async function stored(store: Store) {
  const savings = await sql`
    select customer, project, day, source, type, interventions, holdouts,
      estimated_tokens_saved, pending
    from savings_rollups order by 1, 2, 3, 4, 5`.execute(store.db);
  const usage = await sql`
    select customer, project, day, model, priced_by_source, requests,
      input_tokens, output_tokens, cost_usd_micros
    from usage_rollups order by 1, 2, 3, 4, 5`.execute(store.db);
  return { savings: savings.rows, usage: usage.rows };
}

describe.each(backends())("rollups on $name", (backend) => {
  afterAll(() => backend.cleanup());

  /** An empty store; on PostgreSQL one database emptied for each run. */
  const fresh = (() => {
    let target: string | undefined;
    return async (): Promise<Store> => {
      if (backend.name === "sqlite") return openStore(":memory:");
      target ??= await backend.fresh();
      const store = await openStore(target);
      await sql.raw(`truncate ${TABLES.join(", ")}`).execute(store.db);
      return store;
    };
  })();

  it("always equal the rows they summarize, however records are batched", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (all, cuts) => {
          const store = await fresh();
          try {
            await writeInBatches(store, all, cuts);
            expect(await stored(store)).toEqual(await recomputed(store));
            expect(await halfStored(store)).toEqual([]);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it("do not change when everything is written again", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 30 }), async (all) => {
        const store = await fresh();
        try {
          await store.write(records(...all));
          const once = await dumpTables(store);
          await store.write(records(...all));
          expect(await dumpTables(store)).toEqual(once);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
