import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("tokenledger holdout assign", () => {
  it("answers the same for the same task, at the configured rate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tokenledger-holdout-"));
    const config = join(dir, "config.json");
    const rate = {
      estimate: {
        holdout: { salt: "s1", sourceRateBps: { hook_correction: 2500 } },
      },
    };
    writeFileSync(config, JSON.stringify(rate));
    const ask = (id: string) =>
      runCli([
        "holdout",
        "assign",
        "--correlation-id",
        id,
        "--source",
        "hook_correction",
        "--type",
        "url_fix",
        "--config",
        config,
      ]);
    const first = await ask("task-1");
    expect(first.code).toBe(0);
    expect(["treat\n", "hold\n"]).toContain(first.stdout);
    expect((await ask("task-1")).stdout).toBe(first.stdout);
    const json = await runCli([
      "holdout",
      "assign",
      "--correlation-id",
      "t",
      "--source",
      "hook_correction",
      "--config",
      config,
      "--json",
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      rate_bps: 2500,
      type: "default",
    });
  });

  it("refuses an unknown source", async () => {
    const run = await runCli([
      "holdout",
      "assign",
      "--correlation-id",
      "t",
      "--source",
      "magic",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--source: expected one of hook_correction");
  });
});
