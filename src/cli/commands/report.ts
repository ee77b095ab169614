import { loadSettings } from "../../config/config-file.js";
import { createPriceBook } from "../../pricing/index.js";
import { parseDay } from "../../report/filters.js";
import { bookPricer } from "../../report/pricer.js";
import { savingsText } from "../../report/render/savings-text.js";
import { savingsReport } from "../../report/savings-report.js";
import {
  DB_OPTION,
  dbTarget,
  integerOption,
  parse,
  stringOption,
} from "../args.js";
import type { Command } from "../command.js";
import { write } from "../io.js";
import { withStore } from "../with-store.js";

const HELP = `Usage: tokenledger report [--project P] [--customer C] [--since DAY] [--until DAY] [--json]

Savings per source over a period: what the tooling did, and what it saved
in tokens and dollars, each with its 80% range, a conservative bound, a
confidence and the evidence behind it. Estimates use the evidence in the
ledger when the report runs, so new holdouts change them.

  --project P      only this project
  --customer C     only this customer
  --since DAY      from this day (YYYY-MM-DD, UTC), inclusive
  --until DAY      to this day, inclusive
  --json           the report as JSON on stdout
  --seed N         Monte Carlo seed (default 1): the same data and seed give
                   the same figures
  --draws N        Monte Carlo draws (default 1000)
  --config FILE    settings (default: TOKENLEDGER_CONFIG, then
                   ~/.tokenledger/config.json when it exists)
  --db PATH|URL    SQLite file or postgres:// URL
`;

export const report: Command = {
  name: "report",
  help: HELP,
  async run(argv, io) {
    const { values } = parse("report", argv, {
      ...DB_OPTION,
      project: { type: "string" },
      customer: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      json: { type: "boolean" },
      seed: { type: "string" },
      draws: { type: "string" },
      config: { type: "string" },
    });
    if (values.help) return write(io.stdout, HELP).then(() => 0);
    const filter = {
      project: stringOption(values.project),
      customer: stringOption(values.customer),
      since: parseDay("since", stringOption(values.since)),
      until: parseDay("until", stringOption(values.until)),
    };
    const settings = loadSettings(stringOption(values.config), io.env);
    const options = {
      config: settings.estimate,
      price: bookPricer(createPriceBook(settings.pricing)),
      seed: integerOption("seed", values.seed),
      draws: integerOption("draws", values.draws),
    };
    const result = await withStore(dbTarget(values, io.env), (s) =>
      savingsReport(s.db, filter, options),
    );
    const text = values.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : savingsText(result);
    await write(io.stdout, text);
    return 0;
  },
};
