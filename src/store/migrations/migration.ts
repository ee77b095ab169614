import type { Kysely } from "kysely";
import type { DialectName } from "../dialect.js";

/** One step of the schema. Versions only grow; a shipped step never changes. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}
