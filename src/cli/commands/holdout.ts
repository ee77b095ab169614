import { loadSettings } from "../../config/config-file.js";
import {
  INTERVENTION_SOURCES,
  type InterventionSource,
} from "../../domain/sources.js";
import { assignHoldout, holdoutRateBps } from "../../estimate/index.js";
import { parse, stringOption } from "../args.js";
import type { Command } from "../command.js";
import { write } from "../io.js";
import { UsageError } from "../usage-error.js";

const HELP = `Usage: tokenledger holdout assign --correlation-id ID --source SOURCE [--type TYPE]

Prints "treat" or "hold": whether the tooling should act on this task or be
withheld so the task shows what the work costs without it. The answer is a
hash of the salt, source, type and correlation id against the configured
rate, so every process and machine gives the same answer. A hook that is
told "hold" should skip its work and record a holdout:

  if [ "$(tokenledger holdout assign --correlation-id "$ID" --source hook_correction --type url_fix)" = hold ]; then
    echo '{"kind":"holdout","correlation_id":"'"$ID"'","source":"hook_correction","type":"url_fix"}' | tokenledger ingest -
  fi

  --type TYPE      the intervention's subtype (default: default)
  --config FILE    settings with the salt and the rates (estimate.holdout)
  --json           {"assignment", "rate_bps", "source", "type"} on stdout
`;

export const holdout: Command = {
  name: "holdout",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parse("holdout", argv, {
      help: { type: "boolean", short: "h" },
      "correlation-id": { type: "string" },
      source: { type: "string" },
      type: { type: "string" },
      config: { type: "string" },
      json: { type: "boolean" },
    });
    if (values.help) return write(io.stdout, HELP).then(() => 0);
    if (positionals[0] !== "assign" || positionals.length > 1) {
      throw new UsageError(
        'expected "holdout assign" (see: tokenledger holdout --help)',
      );
    }
    const correlationId = stringOption(values["correlation-id"]);
    if (!correlationId)
      throw new UsageError("holdout assign needs --correlation-id");
    const source = interventionSource(stringOption(values.source));
    const type = stringOption(values.type) ?? "default";
    const config = loadSettings(stringOption(values.config), io.env).estimate;
    const rate = holdoutRateBps(config, source, type);
    const arm = assignHoldout(
      { salt: config.holdout.salt, source, type, correlationId },
      rate,
    );
    const out = values.json
      ? JSON.stringify({ assignment: arm, rate_bps: rate, source, type })
      : arm;
    await write(io.stdout, `${out}\n`);
    return 0;
  },
};

function interventionSource(value: string | undefined): InterventionSource {
  if (INTERVENTION_SOURCES.includes(value as InterventionSource)) {
    return value as InterventionSource;
  }
  throw new UsageError(
    `--source: expected one of ${INTERVENTION_SOURCES.join(", ")}, got ${value === undefined ? "nothing" : `"${value}"`}`,
  );
}
