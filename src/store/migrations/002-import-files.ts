import type { Kysely } from "kysely";
import { columnType } from "../dialect.js";
import type { Migration } from "./migration.js";

/** What each log import has read of each file, to read only what follows. */
export const importFiles: Migration = {
  version: 2,
  name: "import-files",
  async up(db: Kysely<unknown>, dialect) {
    const big = columnType(dialect, "bigint");
    await db.schema
      .createTable("import_files")
      .addColumn("importer", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("dev", big, (c) => c.notNull())
      .addColumn("ino", big, (c) => c.notNull())
      .addColumn("size", big, (c) => c.notNull())
      .addColumn("read_offset", big, (c) => c.notNull())
      .addColumn("line", big, (c) => c.notNull())
      .addColumn("head", "text", (c) => c.notNull())
      .addColumn("edge", "text", (c) => c.notNull())
      .addColumn("context", "text")
      .addColumn("imported_at", columnType(dialect, "timestamp"), (c) =>
        c.notNull(),
      )
      .addPrimaryKeyConstraint("import_files_key", ["importer", "path"])
      .execute();
  },
};
