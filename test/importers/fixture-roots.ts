import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The real logs copied from public repositories (see their README). */
export const TRANSCRIPTS = fileURLToPath(
  new URL("../fixtures/transcripts/", import.meta.url),
);

/** What ccusage 20.0.24 printed for the same logs, recorded. */
export const CCUSAGE = fileURLToPath(
  new URL("./ccusage-output/", import.meta.url),
);

/** A Claude config folder as is: three Claude Code 1.0 sessions. */
export const VIEWER_ROOT = join(
  TRANSCRIPTS,
  "d-kimuson__claude-code-viewer/mock-global-claude-dir",
);

const CODEMIE = join(TRANSCRIPTS, "codemie-ai__codemie-code/tests/integration");
export const CODEMIE_SESSIONS = join(CODEMIE, "session/fixtures");

/** A Codex home holding one rollout. */
export const CODEX_HOME = join(CODEMIE, "metrics/fixtures/codex");

/**
 * A Claude config folder whose `projects/` links to the codemie logs, laid
 * out as ccusage read them when its output was recorded.
 */
export function codemieRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "tl-claude-"));
  const projects = join(root, "projects");
  mkdirSync(join(projects, "fixtures"), { recursive: true });
  for (const name of [
    "-tmp-private",
    "incremental-subagents",
    "incremental-simple",
  ]) {
    symlinkSync(join(CODEMIE_SESSIONS, "claude", name), join(projects, name));
  }
  for (const name of readdirSync(CODEMIE_SESSIONS)) {
    if (name.endsWith(".jsonl")) {
      symlinkSync(
        join(CODEMIE_SESSIONS, name),
        join(projects, "fixtures", name),
      );
    }
  }
  return root;
}

/** A writable copy of a fixture folder under `projects/<project>/`. */
export function copiedRoot(source: string, project: string): string {
  const root = mkdtempSync(join(tmpdir(), "tl-copy-"));
  cpSync(source, join(root, "projects", project), { recursive: true });
  return root;
}

/** An empty Claude config folder to write logs into. */
export function emptyRoot(project = "p"): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), "tl-empty-"));
  const dir = join(root, "projects", project);
  mkdirSync(dir, { recursive: true });
  return { root, dir };
}
