import { effectiveVariance, type Piece } from "./piece.js";

/** One type's own evidence about its parameter. */
export interface Member {
  readonly key: string;
  readonly piece: Piece;
}

/**
 * Between-type spread τ by DerSimonian–Laird when at least `minMembers`
 * types have evidence, otherwise `fallback`.
 */
export function estimateTau(
  members: readonly Member[],
  fallback: number,
  minMembers: number,
): number {
  if (members.length < minMembers) return fallback;
  const w = members.map((m) => 1 / effectiveVariance(m.piece));
  const sw = w.reduce((a, b) => a + b, 0);
  const sw2 = w.reduce((a, b) => a + b * b, 0);
  const mu =
    members.reduce((a, m, i) => a + (w[i] ?? 0) * m.piece.mean, 0) / sw;
  const q = members.reduce(
    (a, m, i) => a + (w[i] ?? 0) * (m.piece.mean - mu) ** 2,
    0,
  );
  const tau2 = (q - (members.length - 1)) / (sw - sw2 / sw);
  return Math.sqrt(Math.max(tau2, 0));
}

/**
 * What a source's other types say about type `key` (partial pooling): the
 * types scatter by τ around a source level; that level, estimated from the
 * other types' evidence and `prior` (pass null for a flat one), plus τ²
 * for how far this type may sit from it. Leaving the type out keeps its
 * own data from counting twice. Null when no other type has evidence.
 */
export function pooledPiece(
  members: readonly Member[],
  key: string,
  tau: number,
  prior: { readonly mean: number; readonly variance: number } | null,
): Piece | null {
  const others = members.filter((m) => m.key !== key);
  if (others.length === 0) return null;
  const w = others.map((m) => 1 / (effectiveVariance(m.piece) + tau * tau));
  const p0 = prior === null ? 0 : 1 / prior.variance;
  const precision = w.reduce((a, b) => a + b, p0);
  const weighted = others.reduce(
    (a, m, i) => a + (w[i] ?? 0) * m.piece.mean,
    0,
  );
  const level = 1 / precision;
  return {
    kind: "pooled",
    mean: (weighted + p0 * (prior?.mean ?? 0)) / precision,
    variance: level + tau * tau,
    df: Infinity,
    bias: 0,
    n: others.reduce((a, m) => a + m.piece.n, 0),
    shared: level / (level + tau * tau),
  };
}
