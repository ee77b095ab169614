import type { CommandEntry } from "../command.js";

/** Every command, in the order `tokenledger --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "ingest",
    summary: "store NDJSON records from files or stdin",
    load: async () => (await import("./ingest.js")).ingest,
  },
  {
    name: "track",
    summary: "record one intervention from flags",
    load: async () => (await import("./track.js")).track,
  },
  {
    name: "import",
    summary: "read Claude Code or Codex logs into the ledger",
    load: async () => (await import("./import.js")).importCommand,
  },
  {
    name: "report",
    summary: "savings per source for a project, customer and period",
    load: async () => (await import("./report.js")).report,
  },
  {
    name: "usage",
    summary: "tokens and dollars per day, month or session, from agent logs",
    load: async () => (await import("./usage.js")).usage,
  },
  {
    name: "holdout",
    summary: "assign a task to treat or hold for a source (holdout assign)",
    load: async () => (await import("./holdout.js")).holdout,
  },
  {
    name: "demo",
    summary: "report on a simulated dataset in a throwaway ledger",
    load: async () => (await import("./demo.js")).demo,
  },
];
