import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config/config-file.js";

const page = readFileSync(
  new URL("../../docs/SETTINGS.md", import.meta.url),
  "utf8",
);
const examples = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (m) => m[1] as string,
);
const dir = mkdtempSync(join(tmpdir(), "tokenledger-settings-"));

describe("docs/SETTINGS.md", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((text, i) => [i + 1, text] as const))(
    "example %i is a settings file tokenledger accepts",
    (i, text) => {
      const path = join(dir, `example-${i}.json`);
      writeFileSync(path, text);
      expect(() => loadSettings(path, {})).not.toThrow();
    },
  );
});
