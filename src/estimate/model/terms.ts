/**
 * How one intervention's saving is modelled:
 * - `cycle`: chance the error would have happened × cycle cost − overhead;
 * - `discovery`: the cost of finding a pattern by hand;
 * - `baseline`: a modelled cost without the tooling − the actual cost;
 * - `measured`: a recorded baseline − the actual cost, or a recorded saving;
 * - `factor`: the actual cost × (overhead factor − 1);
 * - `ratio`: the task's cost × reduction / (1 − reduction).
 */
export type TermKind =
  | "cycle"
  | "discovery"
  | "baseline"
  | "measured"
  | "factor"
  | "ratio";

export interface Term {
  readonly kind: TermKind;
  readonly correlationId: string;
  /** The tokens the model scales: cycle, discovery or baseline cost. */
  readonly base: number;
  /** Tokens subtracted (baseline, measured) or scaled (factor, ratio). */
  readonly actual: number;
  readonly overhead: number;
  /** Spread of this event around its model, as a coefficient of variation. */
  readonly cv: number;
  /** Whether the record carried its own baseline for this event. */
  readonly ownBaseline: boolean;
  /** For `factor` terms: which overhead factor of Model 5 applies. */
  readonly factor: FactorName | null;
}

export type FactorName = "heredoc" | "verboseLogging";
