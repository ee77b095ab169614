import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { backends } from "../helpers/backends.js";
import { dumpTables } from "../helpers/dump.js";
import { records } from "../helpers/records.js";
import {
  HOLDOUTS,
  INTERVENTIONS,
  OBSERVATIONS,
  TASKS,
  USAGE,
} from "./sample.js";

const ALL = [
  ...TASKS,
  ...USAGE,
  ...INTERVENTIONS,
  ...HOLDOUTS,
  ...OBSERVATIONS,
];

describe.each(backends())("store on $name", (backend) => {
  afterAll(() => backend.cleanup());

  async function withStore<T>(fn: (s: Store) => Promise<T>, target?: string) {
    const store = await openStore(target ?? (await backend.fresh()));
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  it("migrates a new database, again, and from two openers at once (PostgreSQL)", async () => {
    const target = await backend.fresh();
    if (backend.name === "postgres") {
      const both = await Promise.all([openStore(target), openStore(target)]);
      await Promise.all(both.map((s) => s.close()));
    }
    await (await openStore(target)).close();
    await withStore(async (s) => {
      const v = await sql<{
        n: number;
      }>`select count(*) as n from tokenledger_migrations`.execute(s.db);
      expect(Number(v.rows[0]?.n)).toBe(MIGRATIONS.length);
    }, target);
  });

  it("refuses a database a newer tokenledger migrated", async () => {
    const target = await backend.fresh();
    await withStore(async (s) => {
      await sql`insert into tokenledger_migrations (version, name, applied_at)
        values (999, 'from the future', '2027-01-01T00:00:00Z')`.execute(s.db);
    }, target);
    await expect(openStore(target)).rejects.toThrow(
      /schema version 999, newer than this tokenledger knows/,
    );
  });

  it("attributes a batch to the task another opener stored in between", async () => {
    const [hook, manifest, pattern] = INTERVENTIONS;
    const [task] = TASKS;
    const alone = await backend.fresh();
    await withStore(async (s) => {
      await s.write(records(hook));
      await s.write(records(task));
      await s.write(records(manifest, pattern));
    }, alone);
    const shared = await backend.fresh();
    const [one, two] = [await openStore(shared), await openStore(shared)];
    try {
      await one.write(records(hook));
      await two.write(records(task));
      await one.write(records(manifest, pattern));
      expect(await dumpTables(one)).toEqual(await withStore(dumpTables, alone));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("stores each source in its specification table and the ledger", async () => {
    await withStore(async (s) => {
      const result = await s.write(records(...ALL));
      expect(result).toEqual({
        accepted: ALL.length,
        duplicates: 0,
        conflicts: [],
      });
      const tables = await dumpTables(s);
      expect(tables.savings_ledger).toHaveLength(6);
      const hook = tables.token_savings_hook_interventions?.[0];
      expect(hook).toMatchObject({
        correlation_id: "c1",
        intervention_type: "password_correction",
        estimated_tokens_saved: 12_000,
        confidence: 0.8,
        created_at: "2026-03-02T10:00:00.000Z",
      });
      const manifest = tables.token_savings_manifest_impact?.[0];
      expect(manifest).toMatchObject({
        estimated_cost_saved_usd_micros: 1_234_500,
        debug_intelligence_provided: 1,
        actual_tokens_used: 12_000,
      });
      expect(tables.agent_manifest_injections).toHaveLength(1);
      const context = tables.token_savings_context_optimization?.[0];
      expect(context).toMatchObject({
        tokens_saved: 4_000,
        optimization_type: "direct_write",
      });
    });
  });

  it("rolls up per customer, project, day, source and type", async () => {
    await withStore(async (s) => {
      await s.write(records(...ALL));
      const rows = await s.db
        .selectFrom("savings_rollups")
        .selectAll()
        .where("source", "=", "hook_correction")
        .execute();
      expect(rows).toEqual([
        {
          customer: "acme",
          project: "web",
          day: "2026-03-02",
          source: "hook_correction",
          type: "password_correction",
          interventions: 1,
          holdouts: 0,
          estimated_tokens_saved: 12_000,
          pending: 0,
        },
      ]);
      const held = await s.db
        .selectFrom("savings_rollups")
        .selectAll()
        .where("holdouts", ">", 0)
        .execute();
      expect(held).toMatchObject([{ customer: "", project: "", holdouts: 1 }]);
      const usage = await s.db
        .selectFrom("usage_rollups")
        .selectAll()
        .orderBy("model")
        .execute();
      expect(usage).toMatchObject([
        {
          project: "web",
          model: "claude-sonnet-4-20250514",
          priced_by_source: 0,
          requests: 1,
          cache_read_tokens: 1_000,
        },
        {
          project: "api",
          model: "gpt-5-codex",
          priced_by_source: 1,
          cost_usd_micros: 12_500,
        },
      ]);
    });
  });

  it("changes nothing when the same records arrive again", async () => {
    await withStore(async (s) => {
      await s.write(records(...ALL));
      const before = await dumpTables(s);
      const again = await s.write(records(...ALL));
      expect(again).toEqual({
        accepted: 0,
        duplicates: ALL.length,
        conflicts: [],
      });
      expect(await dumpTables(s)).toEqual(before);
    });
  });

  it("moves earlier records to a task's project when the task arrives", async () => {
    await withStore(async (s) => {
      await s.write(records(...INTERVENTIONS, ...USAGE));
      await s.write(records(...TASKS));
      const late = await dumpTables(s);
      await withStore(async (t) => {
        await t.write(records(...TASKS, ...INTERVENTIONS, ...USAGE));
        expect(await dumpTables(t)).toEqual(late);
      });
    });
  });

  it("fills a task's empty fields later and refuses a changed project", async () => {
    await withStore(async (s) => {
      await s.write(
        records({ kind: "task", correlation_id: "t", project: "p" }),
      );
      const done = records({
        kind: "task",
        correlation_id: "t",
        project: "p",
        outcome: "success",
      });
      expect(await s.write(done)).toMatchObject({ accepted: 1 });
      const moved = records({
        kind: "task",
        correlation_id: "t",
        project: "q",
      });
      const result = await s.write(moved);
      expect(result.conflicts[0]?.message).toMatch(
        /already recorded with project "p", got "q"/,
      );
      const task = await s.db
        .selectFrom("tasks")
        .selectAll()
        .executeTakeFirst();
      expect(task).toMatchObject({ project: "p", outcome: "success" });
    });
  });

  it("keeps the larger usage of a response seen twice", async () => {
    await withStore(async (s) => {
      const early = { ...USAGE[0], output_tokens: 2 };
      await s.write(records(early));
      expect(await s.write(records(USAGE[0]))).toMatchObject({ accepted: 1 });
      expect(await s.write(records(early))).toMatchObject({ duplicates: 1 });
      const row = await s.db
        .selectFrom("usage_rollups")
        .selectAll()
        .executeTakeFirst();
      expect(row).toMatchObject({ requests: 1, output_tokens: 50 });
    });
  });
});
