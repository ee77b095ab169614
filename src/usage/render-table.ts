import { totalTokens } from "../pricing/tokens.js";
import type { ReportTotals, UsageReport } from "./build-report.js";
import type { DailyRow, MonthlyRow, SessionRow } from "./group.js";
import type { UsageTotals } from "./tally.js";

type Row = readonly string[];

const NUMBER_HEADS = [
  "Input",
  "Output",
  "Cache write",
  "Cache read",
  "Total tokens",
  "Cost (USD)",
] as const;

/**
 * The report as a plain-text table: no colour, columns sized to their
 * content, a totals line, and a note naming any model left unpriced.
 */
export function renderUsageTable(report: UsageReport): string {
  const { heads, rows } = tableOf(report);
  const total = [
    "Total",
    ...heads.slice(1, -NUMBER_HEADS.length - 1).map(() => ""),
    ...numbers(report.totals),
    "",
  ];
  const lines = layout([heads, ...rows, total], heads.length);
  return [...lines, ...unpricedNote(report.totals)].join("\n");
}

function tableOf(report: UsageReport): { heads: Row; rows: Row[] } {
  if ("daily" in report) {
    return keyed("Date", report.daily, (r: DailyRow) => [r.date]);
  }
  if ("monthly" in report) {
    return keyed("Month", report.monthly, (r: MonthlyRow) => [r.month]);
  }
  const heads = [
    "Session",
    "Project",
    "Last activity",
    ...NUMBER_HEADS,
    "Models",
  ];
  const rows = report.sessions.map((r: SessionRow) => [
    r.session_id,
    r.project,
    r.last_activity.slice(0, 16).replace("T", " "),
    ...numbers(r),
    r.models.join(", "),
  ]);
  return { heads, rows };
}

function keyed<T extends UsageTotals>(
  head: string,
  rows: readonly T[],
  key: (row: T) => string[],
): { heads: Row; rows: Row[] } {
  return {
    heads: [head, ...NUMBER_HEADS, "Models"],
    rows: rows.map((r) => [...key(r), ...numbers(r), r.models.join(", ")]),
  };
}

function numbers(t: UsageTotals): string[] {
  return [
    t.input_tokens,
    t.output_tokens,
    t.cache_write_tokens,
    t.cache_read_tokens,
    t.total_tokens,
  ]
    .map((n) => n.toLocaleString("en-US"))
    .concat(cost(t));
}

function cost(t: UsageTotals): string {
  if (t.cost_usd === null) return "unpriced";
  const amount = `$${t.cost_usd.toFixed(2)}`;
  return t.unpriced_models.length ? `${amount}*` : amount;
}

/** Text columns left-aligned, number columns right-aligned. */
function layout(rows: readonly Row[], columns: number): string[] {
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...rows.map((row) => (row[c] ?? "").length)),
  );
  const numeric = (c: number) =>
    c >= columns - 1 - NUMBER_HEADS.length && c < columns - 1;
  const render = (row: Row) =>
    row
      .map((cell, c) => {
        const width = widths[c] ?? 0;
        return numeric(c) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const [head, ...body] = rows;
  const last = body.pop();
  return [
    render(head ?? []),
    rule,
    ...body.map(render),
    rule,
    render(last ?? []),
  ];
}

function unpricedNote(totals: ReportTotals): string[] {
  if (totals.unpriced.length === 0) return [];
  return [
    "",
    "* Not in the cost, for want of a price (add one in the pricing config):",
    ...totals.unpriced.map(
      (u) => `  ${u.model}: ${totalTokens(u).toLocaleString("en-US")} tokens`,
    ),
  ];
}
