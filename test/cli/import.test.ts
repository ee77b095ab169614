import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { backends } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";
import { dumpTables } from "../helpers/dump.js";
import {
  CCUSAGE,
  CODEMIE_SESSIONS,
  CODEX_HOME,
  codemieRoot,
  emptyRoot,
} from "../importers/fixture-roots.js";

interface Totals {
  input: number;
  output: number;
  read: number;
  write: number;
}

function ccusageTotals(name: string): Totals {
  const text = readFileSync(join(CCUSAGE, name), "utf8");
  const t = JSON.parse(text).totals;
  return {
    input: t.inputTokens,
    output: t.outputTokens,
    read: t.cacheReadTokens,
    write: t.cacheCreationTokens,
  };
}

async function withDb<T>(
  db: string,
  fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
) {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Token sums over the stored usage, and the same read from the rollups. */
function storedTotals(db: string) {
  return withDb(db, async (store) => {
    const sums = (table: string) =>
      sql<Record<keyof Totals, number | string | null>>`select
        sum(input_tokens) as input, sum(output_tokens) as output,
        sum(cache_read_tokens) as read,
        sum(cache_write_5m_tokens + cache_write_1h_tokens) as write
        from ${sql.table(table)}`.execute(store.db);
    const numbers = (row: Record<string, unknown> | undefined) => ({
      input: Number(row?.input ?? 0),
      output: Number(row?.output ?? 0),
      read: Number(row?.read ?? 0),
      write: Number(row?.write ?? 0),
    });
    const rows = numbers((await sums("usage_records")).rows[0]);
    const rollups = numbers((await sums("usage_rollups")).rows[0]);
    return { rows, rollups };
  });
}

const tables = (db: string) => withDb(db, dumpTables);

describe.each(backends())("tokenledger import into $name", (backend) => {
  afterAll(() => backend.cleanup());

  it("stores ccusage's session totals once, however often it runs", async () => {
    const db = await backend.fresh();
    const root = codemieRoot();
    // Read on the command's own worker threads as well as its main one.
    const first = await runCli([
      "import",
      "claude",
      "--dir",
      root,
      "--db",
      db,
      "--json",
      "--threads",
      "3",
    ]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      files_read: 12,
      threads: 3,
    });
    const expected = ccusageTotals("codemie.session.json");
    expect(await storedTotals(db)).toEqual({
      rows: expected,
      rollups: expected,
    });
    const before = await tables(db);
    const again = await runCli([
      "import",
      "claude",
      "--dir",
      root,
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(again.stdout)).toMatchObject({
      files_read: 0,
      files_unchanged: 12,
      bytes_read: 0,
    });
    expect(await tables(db)).toEqual(before);
  });

  it("never double counts two imports running at once", async () => {
    const db = await backend.fresh();
    const root = codemieRoot();
    // The first run creates the schema, so the race is over the records.
    await withDb(db, async () => {});
    // On one, two and three threads, each reading what it finds new.
    const runs = await Promise.all(
      [1, 2, 3].map((threads) =>
        runCli([
          "import",
          "claude",
          "--dir",
          root,
          "--db",
          db,
          "--threads",
          `${threads}`,
        ]),
      ),
    );
    for (const run of runs) expect(run.code).toBe(0);
    const expected = ccusageTotals("codemie.session.json");
    expect(await storedTotals(db)).toEqual({
      rows: expected,
      rollups: expected,
    });
  });

  it("reads only appended bytes and leaves a half-written line for later", async () => {
    const db = await backend.fresh();
    const source = readFileSync(
      join(CODEMIE_SESSIONS, "session-3fe1b6bc.jsonl"),
      "utf8",
    );
    const lines = source.split("\n").filter(Boolean);
    const { root, dir } = emptyRoot("grow");
    const file = join(dir, "3fe1b6bc.jsonl");
    const half = Math.floor(lines.length / 2);
    const cut = lines[half] ?? "";
    writeFileSync(
      file,
      `${lines.slice(0, half).join("\n")}\n${cut.slice(0, cut.length / 2)}`,
    );
    const first = await runCli(["import", "claude", "--dir", root, "--db", db]);
    expect(first.code).toBe(0);
    appendFileSync(
      file,
      `${cut.slice(cut.length / 2)}\n${lines.slice(half + 1).join("\n")}\n`,
    );
    const second = await runCli([
      "import",
      "claude",
      "--dir",
      root,
      "--db",
      db,
      "--json",
    ]);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout);
    expect(summary.bytes_read).toBeLessThan(source.length);

    const whole = await backend.fresh();
    const { root: wholeRoot, dir: wholeDir } = emptyRoot("grow");
    writeFileSync(join(wholeDir, "3fe1b6bc.jsonl"), source);
    await runCli(["import", "claude", "--dir", wholeRoot, "--db", whole]);
    expect(await storedTotals(db)).toEqual(await storedTotals(whole));
    const task = (target: string) =>
      withDb(target, (s) =>
        s.db
          .selectFrom("tasks")
          .select(["started_at", "ended_at", "project"])
          .execute(),
      );
    expect(await task(db)).toEqual(await task(whole));
  });

  it("imports a Codex rollout with ccusage's totals", async () => {
    const db = await backend.fresh();
    const run = await runCli([
      "import",
      "codex",
      "--dir",
      CODEX_HOME,
      "--db",
      db,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^codex: 1 of 1 files read/);
    const expected = ccusageTotals("codemie-codex.session.json");
    expect((await storedTotals(db)).rows).toEqual(expected);
  });

  it("skips a malformed line, names it with --verbose, and keeps the rest", async () => {
    const db = await backend.fresh();
    const source = readFileSync(
      join(CODEMIE_SESSIONS, "session-3fe1b6bc.jsonl"),
      "utf8",
    );
    const { root, dir } = emptyRoot("broken");
    const file = join(dir, "broken.jsonl");
    writeFileSync(file, `{"type":"assistant","message":{"id":\n${source}`);
    const run = await runCli([
      "import",
      "claude",
      "--dir",
      root,
      "--db",
      db,
      "--verbose",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:1: `);
    expect(run.stderr).toMatch(/1 malformed lines skipped/);
    const whole = await backend.fresh();
    const { root: wholeRoot, dir: wholeDir } = emptyRoot("broken");
    writeFileSync(join(wholeDir, "broken.jsonl"), source);
    await runCli(["import", "claude", "--dir", wholeRoot, "--db", whole]);
    expect((await storedTotals(db)).rows).toEqual(
      (await storedTotals(whole)).rows,
    );
  });
});

describe("tokenledger import, wrong use", () => {
  it("names the agents it knows", async () => {
    const run = await runCli(["import", "cursor"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'import needs one of claude, codex, got "cursor"',
    );
  });

  it("says what --threads takes", async () => {
    for (const [given, said] of [
      ["0", "a whole number of threads, 1 or more, got 0"],
      ["two", 'a whole number, got "two"'],
    ]) {
      const run = await runCli(["import", "claude", "--threads", `${given}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--threads: expected ${said}`);
    }
  });
});
