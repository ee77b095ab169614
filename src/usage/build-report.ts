import {
  add,
  type DailyRow,
  dailyRows,
  type MonthlyRow,
  monthlyRows,
  type PlacedResponse,
  type SessionRow,
  sessionRows,
} from "./group.js";
import type { LocalCalendar } from "./local-date.js";
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
  calendar: LocalCalendar,
): UsageReport {
  const totals = reportTotals(items);
  const ordered = <T>(rows: T[]) =>
    options.order === "desc" ? rows.reverse() : rows;
  switch (options.report) {
    case "daily":
      return { daily: ordered(dailyRows(items, calendar)), totals };
    case "monthly":
      return { monthly: ordered(monthlyRows(items, calendar)), totals };
    case "session":
      return { sessions: ordered(sessionRows(items)), totals };
  }
}

function reportTotals(items: readonly PlacedResponse[]): ReportTotals {
  const tally = new Tally();
  for (const item of items) add(tally, item);
  return { ...tally.totals(), unpriced: tally.unpriced() };
}
