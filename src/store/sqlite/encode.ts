import type { InterventionRecord } from "../../domain/normalized.js";
import { ByteWriter } from "../byte-writer.js";
import type { InterventionEncoder } from "../encoded-batch.js";
import {
  detailValues,
  ledgerValues,
  manifestInjectionValues,
  type SqlValue,
} from "../rows.js";

/** One intervention's rows: ledger, detail, and its manifest injection. */
export type SqliteInterventionRow = readonly [
  SqlValue[],
  SqlValue[],
  SqlValue[] | null,
];

/**
 * A batch's intervention rows as UTF-8 JSON, one row a line. `JSON.parse`
 * rebuilds a row on the writing thread several times faster than a
 * structured clone of the same arrays would, and a row at a time each is
 * garbage as soon as it is written.
 */
export class SqliteEncoder implements InterventionEncoder<Uint8Array> {
  private readonly out = new ByteWriter();

  add(r: InterventionRecord): void {
    const row: SqliteInterventionRow = [
      ledgerValues(r),
      detailValues(r, "sqlite"),
      manifestInjectionValues(r, "sqlite"),
    ];
    this.out.text(JSON.stringify(row));
    this.out.byte(NEWLINE);
  }

  finish(): Uint8Array {
    return this.out.written();
  }
}

const NEWLINE = 0x0a;

/**
 * The rows `SqliteEncoder` wrote, one by one. Each line is decoded on its
 * own: one string for the whole batch would sit in the large-object space
 * until the next full collection, a few megabytes for every batch.
 */
export function* decodeRows(
  bytes: Uint8Array,
): Generator<SqliteInterventionRow> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf(NEWLINE, start);
    yield JSON.parse(text.toString("utf8", start, end));
    start = end + 1;
  }
}
