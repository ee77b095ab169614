import { createHash } from "node:crypto";
import type { RecordId } from "../domain/ids.js";

/**
 * A record's id from its content: the same record sent twice gets the same
 * id, so it is stored once. Keys are sorted and `id` itself is left out.
 */
export function contentId(record: Readonly<Record<string, unknown>>): RecordId {
  const keys = Object.keys(record)
    .filter((k) => k !== "id" && record[k] !== undefined)
    .sort();
  const canonical = JSON.stringify(record, keys);
  return createHash("sha256")
    .update(canonical)
    .digest("hex")
    .slice(0, 32) as RecordId;
}
