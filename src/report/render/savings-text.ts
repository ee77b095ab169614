import type { SavingsReport, SourceLine } from "../savings-report.js";
import { dollars, integer, table } from "./table.js";

/** The savings report as a terminal reads it. */
export function savingsText(r: SavingsReport): string {
  const header = [
    "source",
    "interventions",
    "tokens saved",
    "80% range",
    "dollars saved",
    "confidence",
    "basis",
  ];
  const rows = r.savings_by_source.map(sourceRow);
  const t = r.total;
  rows.push([
    "total",
    integer(r.total_interventions),
    integer(t.tokens_saved),
    `${integer(t.tokens_saved_low)}–${integer(t.tokens_saved_high)}`,
    dollars(t.cost_saved_usd),
    percent(t.confidence),
    "",
  ]);
  const warnings = r.warnings.map((w) => `warning: ${w}\n`).join("");
  return `Savings: ${scope(r)}

${table(header, rows)}

Conservative: at least ${integer(t.conservative_low)} tokens (${dollars(t.cost_conservative_low_usd)}).
Over ${counted(r.tasks, "task")}; ${usageLine(r)}
Ranges are 80% intervals; confidence is the chance the truth is within ±20%.
Model ${r.model_version}, ${r.draws} draws, seed ${r.seed}.
${warnings}`;
}

function sourceRow(s: SourceLine): string[] {
  if (s.tokens_saved === undefined) {
    return [s.source, integer(s.interventions), "", "", "", "", s.method];
  }
  return [
    s.source,
    integer(s.interventions),
    integer(s.tokens_saved),
    `${integer(s.tokens_saved_low ?? 0)}–${integer(s.tokens_saved_high ?? 0)}`,
    dollars(s.cost_saved_usd ?? 0),
    percent(s.confidence ?? 0),
    basis(s),
  ];
}

function basis(s: SourceLine): string {
  const e = s.evidence;
  if (!e) return "";
  if (e.holdout.held > 0)
    return `holdouts ${e.holdout.treated}/${e.holdout.held}`;
  if (e.prior_only) return "specification prior";
  if (e.measured_events > 0) return "measured";
  return e.observational > 0 ? `observed (${e.observational})` : "";
}

function scope(r: SavingsReport): string {
  return [
    r.customer !== null ? `customer ${r.customer}` : null,
    r.project_name !== null ? `project ${r.project_name}` : null,
    `${r.period.start ?? "the beginning"} to ${r.period.end ?? "now"}`,
  ]
    .filter(Boolean)
    .join(", ");
}

function usageLine(r: SavingsReport): string {
  const u = r.usage;
  const writes = u.cache_write_5m_tokens + u.cache_write_1h_tokens;
  return (
    `agents made ${counted(u.requests, "request")}: ${integer(u.input_tokens)} input, ` +
    `${integer(u.output_tokens)} output, ${integer(u.cache_read_tokens)} cache-read and ` +
    `${integer(writes)} cache-write tokens.`
  );
}

/** "1 task", "2,000 tasks". */
function counted(n: number, noun: string): string {
  return `${integer(n)} ${n === 1 ? noun : `${noun}s`}`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
