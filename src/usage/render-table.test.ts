import { describe, expect, it } from "vitest";
import { VIEWER_ROOT } from "../../test/importers/fixture-roots.js";
import { renderUsageTable } from "./render-table.js";
import { runUsage } from "./run-usage.js";

describe("renderUsageTable", () => {
  it("prints aligned columns and a totals line", async () => {
    const { report } = await runUsage({
      report: "daily",
      dirs: [VIEWER_ROOT],
      timezone: "UTC",
    });
    expect(renderUsageTable(report).split("\n")).toEqual([
      "Date        Input  Output  Cache write  Cache read  Total tokens  Cost (USD)  Models",
      "----------  -----  ------  -----------  ----------  ------------  ----------  ------------------------",
      "2025-09-03    911  52,886      150,674   3,751,073     3,955,544       $2.49  claude-sonnet-4-20250514",
      "2025-09-07    129   3,629       47,747     324,259       375,764       $0.33  claude-sonnet-4-20250514",
      "----------  -----  ------  -----------  ----------  ------------  ----------  ------------------------",
      "Total       1,040  56,515      198,421   4,075,332     4,331,308       $2.82",
    ]);
  });
});
