import type { FactorName, Term, TermKind } from "./terms.js";

/** The kinds of term a cell adds up, with factor terms split by factor. */
export type SumKey = Exclude<TermKind, "factor"> | FactorName;

/** Every sum key, in the fixed order draws visit them. */
export const SUM_KEYS: readonly SumKey[] = Object.freeze([
  "cycle",
  "discovery",
  "baseline",
  "measured",
  "heredoc",
  "verboseLogging",
  "ratio",
] as const);

export interface TermSums {
  readonly count: number;
  readonly base: number;
  /** Σ base². */
  readonly square: number;
  /** Σ (base × cv)², the variance one event's spread adds. */
  readonly spread: number;
  readonly actual: number;
  readonly overhead: number;
  readonly ownBaseline: number;
}

const EMPTY: TermSums = {
  count: 0,
  base: 0,
  square: 0,
  spread: 0,
  actual: 0,
  overhead: 0,
  ownBaseline: 0,
};

const keyOf = (t: Term): SumKey =>
  t.kind === "factor" ? (t.factor ?? "heredoc") : t.kind;

function add(sums: TermSums, t: Term, countActual: boolean): TermSums {
  return {
    count: sums.count + 1,
    base: sums.base + t.base,
    square: sums.square + t.base * t.base,
    spread: sums.spread + (t.base * t.cv) ** 2,
    actual: sums.actual + (countActual ? t.actual : 0),
    overhead: sums.overhead + t.overhead,
    ownBaseline: sums.ownBaseline + (t.ownBaseline ? 1 : 0),
  };
}

/**
 * Adds a cell's terms up by kind. A `ratio` term scales its whole task, so
 * a task with several such interventions counts once.
 */
export function sumTerms(terms: readonly Term[]): Map<SumKey, TermSums> {
  const sums = new Map<SumKey, TermSums>();
  const ratioTasks = new Set<string>();
  for (const t of terms) {
    const key = keyOf(t);
    const first = !(key === "ratio" && ratioTasks.has(t.correlationId));
    if (key === "ratio") ratioTasks.add(t.correlationId);
    sums.set(key, add(sums.get(key) ?? EMPTY, t, first));
  }
  return sums;
}
