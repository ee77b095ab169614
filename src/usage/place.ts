import type { ProjectName } from "../importers/project-map.js";
import type { ResponseUsage } from "../importers/response.js";
import type { PriceBook } from "../pricing/price-book.js";
import { priceUsage } from "../pricing/price-usage.js";
import { AGENT_LOGS } from "./agents.js";
import type { PlaceOne } from "./early-placing.js";
import type { PlacedResponse } from "./group.js";
import type { LocalCalendar } from "./local-date.js";
import type { UsageOptions } from "./options.js";

/** Places responses on their local day, named and priced. */
export function placer(
  options: UsageOptions,
  calendar: LocalCalendar,
): PlaceOne {
  const name = projectNamer(options);
  return (response: ResponseUsage, book: PriceBook): PlacedResponse => {
    const project = name(response.project);
    return {
      response,
      project,
      day: calendar.day(response.at),
      pricing: priceUsage(response, book, project.customer),
    };
  };
}

/** Project names by folder, each worked out once. */
function projectNamer(options: UsageOptions): (folder: string) => ProjectName {
  const names = new Map<string, ProjectName>();
  return (folder) => {
    let name = names.get(folder);
    if (!name) {
      name = AGENT_LOGS[options.agent].name(options.projects, folder);
      names.set(folder, name);
    }
    return name;
  };
}

/** Whether the options ask for a placed response. */
export function wanted(options: UsageOptions, item: PlacedResponse): boolean {
  if (options.since && item.day < options.since) return false;
  if (options.until && item.day > options.until) return false;
  const only = options.project;
  return (
    !only || only === item.project.project || only === item.response.project
  );
}
