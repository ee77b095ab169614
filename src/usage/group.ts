import type { ProjectName } from "../importers/project-map.js";
import type { ResponseUsage } from "../importers/response.js";
import type { Pricing } from "../pricing/price-usage.js";
import { Tally, type UsageTotals } from "./tally.js";

/** A response with what the report needs to place and price it. */
export interface PlacedResponse {
  readonly response: ResponseUsage;
  readonly project: ProjectName;
  /** `YYYY-MM-DD` in the report's time zone. */
  readonly day: string;
  readonly pricing: Pricing;
}

export interface DailyRow extends UsageTotals {
  readonly date: string;
}

export interface MonthlyRow extends UsageTotals {
  readonly month: string;
}

export interface SessionRow extends UsageTotals {
  readonly session_id: string;
  readonly project: string;
  readonly first_activity: string;
  readonly last_activity: string;
}

/** Rows of one report with the tallies they were made from. */
export interface Grouped<Row> {
  readonly rows: Row[];
  readonly tallies: readonly Tally[];
}

/** Rows by local day, oldest first. */
export function dailyRows(items: readonly PlacedResponse[]): Grouped<DailyRow> {
  return keyedRows(
    items,
    (item) => item.day,
    (date, totals) => ({
      date,
      ...totals,
    }),
  );
}

/** Rows by local month, oldest first. */
export function monthlyRows(
  items: readonly PlacedResponse[],
): Grouped<MonthlyRow> {
  return keyedRows(
    items,
    (item) => item.day.slice(0, 7),
    (month, totals) => ({
      month,
      ...totals,
    }),
  );
}

/** Rows by project and session, least recently active first. */
export function sessionRows(
  items: readonly PlacedResponse[],
): Grouped<SessionRow> {
  const groups = new Map<string, PlacedResponse[]>();
  for (const item of items) {
    const key = `${item.project.project}\u0000${item.response.session}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const sessions = [...groups.values()].map(sessionRow);
  sessions.sort((a, b) =>
    a.row.last_activity.localeCompare(b.row.last_activity),
  );
  return {
    rows: sessions.map((s) => s.row),
    tallies: sessions.map((s) => s.tally),
  };
}

function sessionRow(group: readonly PlacedResponse[]) {
  const tally = new Tally();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const item of group) {
    add(tally, item);
    first = Math.min(first, item.response.at);
    last = Math.max(last, item.response.at);
  }
  const head = group[0] as PlacedResponse;
  const row: SessionRow = {
    session_id: head.response.session,
    project: head.project.project,
    first_activity: new Date(first).toISOString(),
    last_activity: new Date(last).toISOString(),
    ...tally.totals(),
  };
  return { row, tally };
}

/** One row per key, in key order. */
function keyedRows<Row>(
  items: readonly PlacedResponse[],
  keyOf: (item: PlacedResponse) => string,
  rowOf: (key: string, totals: UsageTotals) => Row,
): Grouped<Row> {
  const tallies = new Map<string, Tally>();
  for (const item of items) {
    const key = keyOf(item);
    let tally = tallies.get(key);
    if (!tally) {
      tally = new Tally();
      tallies.set(key, tally);
    }
    add(tally, item);
  }
  const groups = [...tallies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    rows: groups.map(([key, tally]) => rowOf(key, tally.totals())),
    tallies: groups.map(([, tally]) => tally),
  };
}

/** Adds one placed response to a tally. */
function add(tally: Tally, item: PlacedResponse): void {
  tally.add(item.response.model, item.response, item.pricing);
}
