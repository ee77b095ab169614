import { parseDay } from "../../report/filters.js";
import { savingsText } from "../../report/render/savings-text.js";
import { savingsReport } from "../../report/savings-report.js";
import { DB_OPTION, dbTarget, parse, stringOption } from "../args.js";
import type { Command } from "../command.js";
import { write } from "../io.js";
import { withStore } from "../with-store.js";

const HELP = `Usage: tokenledger report [--project P] [--customer C] [--since DAY] [--until DAY] [--json]

Savings per source over a period, read from the rollups: interventions,
holdouts and tokens saved, and the agents' own usage.

  --project P      only this project
  --customer C     only this customer
  --since DAY      from this day (YYYY-MM-DD, UTC), inclusive
  --until DAY      to this day, inclusive
  --json           the report as JSON on stdout
  --db PATH|URL    SQLite file or postgres:// URL
`;

export const report: Command = {
  name: "report",
  summary: "savings per source for a project, customer and period",
  help: HELP,
  async run(argv, io) {
    const { values } = parse("report", argv, {
      ...DB_OPTION,
      project: { type: "string" },
      customer: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      json: { type: "boolean" },
    });
    if (values.help) return write(io.stdout, HELP).then(() => 0);
    const filter = {
      project: stringOption(values.project),
      customer: stringOption(values.customer),
      since: parseDay("since", stringOption(values.since)),
      until: parseDay("until", stringOption(values.until)),
    };
    const result = await withStore(dbTarget(values, io.env), (s) =>
      savingsReport(s.db, filter),
    );
    const text = values.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : savingsText(result);
    await write(io.stdout, text);
    return 0;
  },
};
