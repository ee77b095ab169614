import type { ProjectName } from "../importers/project-map.js";
import type { ResponseUsage } from "../importers/response.js";
import type { PriceBook } from "../pricing/price-book.js";
import { priceUsage } from "../pricing/price-usage.js";
import { AGENT_LOGS } from "./agents.js";
import type { PlacedResponse } from "./group.js";
import type { LocalCalendar } from "./local-date.js";
import type { UsageOptions } from "./options.js";

/** Project names by folder, each worked out once. */
export function projectNamer(
  options: UsageOptions,
): (folder: string) => ProjectName {
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

/** The responses the options ask for, on their local day, named and priced. */
export function place(
  responses: Iterable<ResponseUsage>,
  options: UsageOptions,
  calendar: LocalCalendar,
  how: {
    readonly name: (folder: string) => ProjectName;
    readonly book: PriceBook;
  },
): PlacedResponse[] {
  const placed: PlacedResponse[] = [];
  for (const response of responses) {
    const project = how.name(response.project);
    const day = calendar.day(response.at);
    if (!wanted(options, day, project.project, response)) continue;
    const pricing = priceUsage(response, how.book, project.customer);
    placed.push({ response, project, day, pricing });
  }
  return placed;
}

function wanted(
  options: UsageOptions,
  day: string,
  project: string,
  response: ResponseUsage,
): boolean {
  if (options.since && day < options.since) return false;
  if (options.until && day > options.until) return false;
  const only = options.project;
  return !only || only === project || only === response.project;
}
