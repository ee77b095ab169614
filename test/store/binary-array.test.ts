import pg from "pg";
import { describe, expect, it } from "vitest";
import { BinaryArray } from "../../src/store/postgres/binary-array.js";
import type { PgArrayType } from "../../src/store/postgres/unnest.js";
import type { SqlValue } from "../../src/store/rows.js";
import { PG_URL } from "../helpers/backends.js";

const CASES: [PgArrayType, SqlValue[], (string | null)[]][] = [
  ["text", ["a", "", "é☃𝄞", 'q"\\', null], ["a", "", "é☃𝄞", 'q"\\', null]],
  [
    "int8",
    [0, -1, 2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 32, null],
    ["0", "-1", "9007199254740991", "-9007199254740991", "4294967296", null],
  ],
  ["float8", [0.8, -0, 1e300, null], ["0.8", "0", "1e+300", null]],
  ["bool", [true, false, null], ["true", "false", null]],
  [
    "timestamptz",
    [
      "2026-01-01T00:00:00.001Z",
      "1969-12-31T23:59:59.999Z",
      "9999-12-31T23:59:59.999Z",
      null,
    ],
    [
      "2026-01-01 00:00:00.001+00",
      "1969-12-31 23:59:59.999+00",
      "9999-12-31 23:59:59.999+00",
      null,
    ],
  ],
];

describe.skipIf(!PG_URL)("BinaryArray on PostgreSQL", () => {
  it.each(CASES)(
    "reads back %s values as they were",
    async (type, values, text) => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query("set timezone = 'UTC'");
        const column = new BinaryArray(type);
        for (const v of values) column.push(v);
        const sql = `select x::text from unnest($1::${type}[]) x`;
        const full = await client.query(sql, [column.finish()]);
        expect(full.rows.map((r) => r.x)).toEqual(text);
        const empty = await client.query(sql, [new BinaryArray(type).finish()]);
        expect(empty.rows).toEqual([]);
      } finally {
        await client.end();
      }
    },
  );
});
