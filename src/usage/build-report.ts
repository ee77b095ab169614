import {
  type DailyRow,
  dailyRows,
  type Grouped,
  type MonthlyRow,
  monthlyRows,
  type PlacedResponse,
  type SessionRow,
  sessionRows,
} from "./group.js";
import type { UsageOptions } from "./options.js";
import { Tally, type UnpricedTokens, type UsageTotals } from "./tally.js";

/** The report's totals, with the tokens no price could be found for. */
export interface ReportTotals extends UsageTotals {
  readonly unpriced: readonly UnpricedTokens[];
}

/** What `usage --json` prints. */
export type UsageReport =
  | { readonly daily: readonly DailyRow[]; readonly totals: ReportTotals }
  | { readonly monthly: readonly MonthlyRow[]; readonly totals: ReportTotals }
  | { readonly sessions: readonly SessionRow[]; readonly totals: ReportTotals };

/** Rows of the report the options ask for, in their order, and totals. */
export function buildReport(
  options: UsageOptions,
  items: readonly PlacedResponse[],
): UsageReport {
  const ordered = <T>(grouped: Grouped<T>) =>
    options.order === "desc" ? grouped.rows.reverse() : grouped.rows;
  switch (options.report) {
    case "daily": {
      const daily = dailyRows(items);
      return { daily: ordered(daily), totals: totalsOf(daily) };
    }
    case "monthly": {
      const monthly = monthlyRows(items);
      return { monthly: ordered(monthly), totals: totalsOf(monthly) };
    }
    case "session": {
      const sessions = sessionRows(items);
      return { sessions: ordered(sessions), totals: totalsOf(sessions) };
    }
  }
}

/** The rows' tallies added up: every item is in exactly one row. */
function totalsOf(grouped: Grouped<unknown>): ReportTotals {
  const tally = new Tally();
  for (const part of grouped.tallies) tally.merge(part);
  return { ...tally.totals(), unpriced: tally.unpriced() };
}
