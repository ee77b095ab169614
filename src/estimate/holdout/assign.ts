import { createHash } from "node:crypto";

export interface HoldoutKey {
  readonly salt: string;
  readonly source: string;
  readonly type: string;
  readonly correlationId: string;
}

export type HoldoutArm = "treat" | "hold";

/**
 * The holdout bucket 0–9,999 of a key: SHA-256 of salt, source, type and
 * correlation id joined by NUL bytes, the first 8 bytes read as an unsigned
 * big-endian 64-bit integer, modulo 10,000.
 */
export function holdoutBucket(key: HoldoutKey): number {
  const text = [key.salt, key.source, key.type, key.correlationId].join("\0");
  const digest = createHash("sha256").update(text, "utf8").digest();
  return Number(digest.readBigUInt64BE(0) % 10_000n);
}

/**
 * Whether the tooling should act (`treat`) or be withheld (`hold`) for a
 * task. Stateless: every process gives the same answer for the same key.
 *
 * @example assignHoldout({ salt, source: "hook_correction",
 *   type: "url_fix", correlationId }, 500) // "hold" for about 5% of ids
 */
export function assignHoldout(
  key: HoldoutKey,
  rateBasisPoints: number,
): HoldoutArm {
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0) {
    throw new RangeError(
      `holdout rate must be an integer 0–10000 basis points, got ${rateBasisPoints}`,
    );
  }
  return holdoutBucket(key) < rateBasisPoints ? "hold" : "treat";
}
