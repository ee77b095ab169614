import type { LedgerRecord } from "../../src/domain/normalized.js";
import { normalizeRecord } from "../../src/ingest/normalize.js";

const NOW = () => "2026-01-01T00:00:00.000Z";

/** Normalizes plain records the way ingest does, with a fixed clock. */
export function records(...raw: object[]): LedgerRecord[] {
  return raw.map((r) => normalizeRecord(r, { now: NOW }));
}
