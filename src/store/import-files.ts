import { type Kysely, sql } from "kysely";
import type { FileState } from "../importers/file-state.js";
import type { Database, ImportFilesTable } from "./schema.js";

/** What the last imports of one importer left of each file. */
export async function loadFileStates(
  db: Kysely<Database>,
  importer: string,
): Promise<FileState[]> {
  // Plain SQL: a repeated import does little else, and the query
  // builder's first use costs it a millisecond.
  const { rows } = await sql<ImportFilesTable>`
    select * from import_files where importer = ${importer}`.execute(db);
  return rows.map(toState);
}

/**
 * Keeps each file's state, replacing what an earlier import left. Called
 * after the records read from those bytes are stored, so a crash in
 * between only makes the next import read them again, as duplicates.
 */
export async function saveFileStates(
  db: Kysely<Database>,
  importer: string,
  states: readonly FileState[],
): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < states.length; i += CHUNK) {
    const rows = states.slice(i, i + CHUNK).map((s) => toRow(importer, s, at));
    await db
      .insertInto("import_files")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["importer", "path"]).doUpdateSet((eb) => ({
          dev: eb.ref("excluded.dev"),
          ino: eb.ref("excluded.ino"),
          size: eb.ref("excluded.size"),
          read_offset: eb.ref("excluded.read_offset"),
          line: eb.ref("excluded.line"),
          head: eb.ref("excluded.head"),
          edge: eb.ref("excluded.edge"),
          context: eb.ref("excluded.context"),
          imported_at: eb.ref("excluded.imported_at"),
        })),
      )
      .execute();
  }
}

/** Rows per statement; twelve parameters each stays under every limit. */
const CHUNK = 500;

function toRow(importer: string, s: FileState, at: string): ImportFilesTable {
  return {
    importer,
    path: s.path,
    dev: s.dev,
    ino: s.ino,
    size: s.size,
    read_offset: s.offset,
    line: s.line,
    head: s.head,
    edge: s.edge,
    context: s.context === undefined ? null : JSON.stringify(s.context),
    imported_at: at,
  };
}

function toState(row: ImportFilesTable): FileState {
  return {
    path: row.path,
    dev: Number(row.dev),
    ino: Number(row.ino),
    size: Number(row.size),
    offset: Number(row.read_offset),
    line: Number(row.line),
    head: row.head,
    edge: row.edge,
    ...(row.context === null ? {} : { context: JSON.parse(row.context) }),
  };
}
