import type { ProjectName } from "../importers/project-map.js";
import type { ResponseUsage } from "../importers/response.js";
import type { Pricing } from "../pricing/price-usage.js";
import type { LocalCalendar } from "./local-date.js";
import { Tally, type UsageTotals } from "./tally.js";

/** A response with what the report needs to place and price it. */
export interface PlacedResponse {
  readonly response: ResponseUsage;
  readonly project: ProjectName;
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

/** Rows by local day, oldest first. */
export function dailyRows(
  items: readonly PlacedResponse[],
  calendar: LocalCalendar,
): DailyRow[] {
  return byKey(items, (item) => calendar.day(item.response.at)).map(
    ([date, tally]) => ({
      date,
      ...tally.totals(),
    }),
  );
}

/** Rows by local month, oldest first. */
export function monthlyRows(
  items: readonly PlacedResponse[],
  calendar: LocalCalendar,
): MonthlyRow[] {
  return byKey(items, (item) => calendar.month(item.response.at)).map(
    ([month, tally]) => ({ month, ...tally.totals() }),
  );
}

/** Rows by project and session, least recently active first. */
export function sessionRows(items: readonly PlacedResponse[]): SessionRow[] {
  const groups = new Map<string, PlacedResponse[]>();
  for (const item of items) {
    const key = `${item.project.project}\u0000${item.response.session}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const rows = [...groups.values()].map(sessionRow);
  return rows.sort((a, b) => a.last_activity.localeCompare(b.last_activity));
}

function sessionRow(group: readonly PlacedResponse[]): SessionRow {
  const tally = new Tally();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const item of group) {
    add(tally, item);
    first = Math.min(first, item.response.at);
    last = Math.max(last, item.response.at);
  }
  const head = group[0] as PlacedResponse;
  return {
    session_id: head.response.session,
    project: head.project.project,
    first_activity: new Date(first).toISOString(),
    last_activity: new Date(last).toISOString(),
    ...tally.totals(),
  };
}

function byKey(
  items: readonly PlacedResponse[],
  keyOf: (item: PlacedResponse) => string,
): [string, Tally][] {
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
  return [...tallies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Adds one placed response to a tally. */
export function add(tally: Tally, item: PlacedResponse): void {
  tally.add(item.response.model, item.response, item.pricing);
}
