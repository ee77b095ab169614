/** Whom a correlation id's records are reported under. */
export interface Attribution {
  readonly customer: string;
  readonly project: string;
}

/** Records whose task has not arrived yet wait here, then move. */
export const UNASSIGNED: Attribution = Object.freeze({
  customer: "",
  project: "",
});
