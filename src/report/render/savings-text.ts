import type { SavingsReport } from "../savings-report.js";
import { integer, table } from "./table.js";

/** The savings report as a terminal reads it. */
export function savingsText(r: SavingsReport): string {
  const scope = [
    r.customer !== null ? `customer ${r.customer}` : null,
    r.project_name !== null ? `project ${r.project_name}` : null,
    `${r.period.start ?? "the beginning"} to ${r.period.end ?? "now"}`,
  ].filter(Boolean);
  const rows = r.savings_by_source.map((s) => [
    s.source,
    integer(s.interventions),
    integer(s.holdouts),
    integer(s.tokens_saved),
    s.pending > 0 ? integer(s.pending) : "",
  ]);
  rows.push([
    "total",
    integer(r.total_interventions),
    "",
    integer(r.total_tokens_saved),
    "",
  ]);
  const header = [
    "source",
    "interventions",
    "holdouts",
    "tokens saved",
    "awaiting data",
  ];
  const u = r.usage;
  return `Savings: ${scope.join(", ")}

${table(header, rows)}

Agent usage: ${integer(u.requests)} requests, ${integer(u.input_tokens)} input, ${integer(u.output_tokens)} output, ${integer(u.cache_read_tokens)} cache read, ${integer(u.cache_write_5m_tokens + u.cache_write_1h_tokens)} cache write tokens.
Basis: ${r.basis}.
`;
}
