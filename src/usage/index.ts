export type { ReportTotals, UsageReport } from "./build-report.js";
export type { DailyRow, MonthlyRow, SessionRow } from "./group.js";
export {
  parseUsageOptions,
  USAGE_REPORTS,
  type UsageOptions,
  type UsageOptionsInput,
  type UsageReportKind,
} from "./options.js";
export { renderUsageTable } from "./render-table.js";
export { runUsage, type UsageIo, type UsageRun } from "./run-usage.js";
export type { UnpricedTokens, UsageTotals } from "./tally.js";
