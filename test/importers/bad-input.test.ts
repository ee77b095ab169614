import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importClaude } from "../../src/importers/claude/import.js";
import { describeProblem } from "../../src/importers/problems.js";
import { emptyRoot, VIEWER_ROOT } from "./fixture-roots.js";

const SESSION = join(
  VIEWER_ROOT,
  "projects/sample-project/1af7fc5e-8455-4414-9ccd-011d40f70b2a.jsonl",
);

describe("bad input", () => {
  it("skips and counts malformed lines, with file:line, and reads the rest", async () => {
    const { root, dir } = emptyRoot();
    const lines = readFileSync(SESSION, "utf8").split("\n");
    const bad = [...lines];
    bad.splice(3, 0, '{"type":"user","message":{"role":"user","cont');
    bad.splice(6, 0, "not json at all");
    const broken = bad.findIndex((l, i) => i > 7 && l.includes('"usage":{'));
    bad[broken] = (bad[broken] ?? "").replace(
      '"output_tokens":',
      '"output_tokens":-',
    );
    const path = join(dir, "s.jsonl");
    writeFileSync(path, bad.join("\n"));
    const result = await importClaude({ dirs: [root] });
    expect(result.problems.malformed_lines).toBe(3);
    expect(result.problems.details.map(describeProblem)).toEqual([
      `${path}:4: not a JSON object (truncated line?)`,
      `${path}:7: not a JSON object (truncated line?)`,
      expect.stringMatching(
        `^${path}:${broken + 1}: message.usage.output_tokens must be a non-negative integer, got -\\d+$`,
      ),
    ]);
    // The broken line was one of several streamed lines of its response.
    expect(result.usage).toHaveLength(7);
  });

  it("names an unreadable file and goes on with the others", async () => {
    const { root, dir } = emptyRoot();
    writeFileSync(join(dir, "good.jsonl"), readFileSync(SESSION));
    symlinkSync(join(dir, "missing"), join(dir, "gone.jsonl"));
    const result = await importClaude({ dirs: [root] });
    expect(result.problems.unreadable_files).toBe(1);
    expect(result.problems.details[0]?.file).toBe(join(dir, "gone.jsonl"));
    expect(result.usage).toHaveLength(7);
  });

  it("says when a named folder holds no projects/", async () => {
    const nowhere = mkdtempSync(join(tmpdir(), "tl-none-"));
    const result = await importClaude({ dirs: [nowhere, VIEWER_ROOT] });
    expect(result.problems.details.map(describeProblem)).toEqual([
      `${nowhere}: no projects/ folder here; name the folder that holds it`,
    ]);
    expect(result.usage).toHaveLength(197);
  });

  it("follows symbolic links without looping", async () => {
    const root = mkdtempSync(join(tmpdir(), "tl-links-"));
    mkdirSync(join(root, "projects"));
    symlinkSync(
      join(VIEWER_ROOT, "projects/sample-project"),
      join(root, "projects/linked"),
    );
    symlinkSync(join(root, "projects"), join(root, "projects/loop"));
    mkdirSync(join(root, "projects/real/deeper"), { recursive: true });
    writeFileSync(join(root, "projects/real/s.jsonl"), "");
    symlinkSync(
      join(root, "projects/real"),
      join(root, "projects/real/deeper/up"),
    );
    const result = await importClaude({ dirs: [root] });
    expect(result.stats.files_seen).toBe(4);
    expect(result.usage).toHaveLength(197);
    expect(result.problems.details).toEqual([]);
  });

  it("lists a file reached from two roots once, under the first", async () => {
    const other = mkdtempSync(join(tmpdir(), "tl-roots-"));
    mkdirSync(join(other, "projects"));
    symlinkSync(
      join(VIEWER_ROOT, "projects/sample-project"),
      join(other, "projects/same"),
    );
    const once = await importClaude({ dirs: [VIEWER_ROOT] });
    const twice = await importClaude({
      dirs: [VIEWER_ROOT, other, VIEWER_ROOT],
    });
    expect(twice.stats.files_seen).toBe(once.stats.files_seen);
    expect(twice.usage).toEqual(once.usage);
    expect(twice.tasks.map((t) => t.project)).toEqual(
      once.tasks.map((t) => t.project),
    );
  });

  it("reads every CLAUDE_CONFIG_DIR entry, else the home defaults", async () => {
    const list = await importClaude({
      env: { CLAUDE_CONFIG_DIR: ` ${VIEWER_ROOT} ,, ` },
    });
    expect(list.usage).toHaveLength(197);
    const home = mkdtempSync(join(tmpdir(), "tl-home-"));
    symlinkSync(VIEWER_ROOT, join(home, ".claude"));
    const fallback = await importClaude({ env: {}, home });
    expect(fallback.usage).toHaveLength(197);
    expect(fallback.problems.details).toEqual([]);
  });
});
