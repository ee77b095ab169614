import { afterAll, describe, expect, it } from "vitest";
import type { FileState } from "../../src/importers/file-state.js";
import {
  loadFileStates,
  saveFileStates,
} from "../../src/store/import-files.js";
import { openStore } from "../../src/store/open-store.js";
import { backends } from "../helpers/backends.js";

const state = (path: string, offset: number): FileState => ({
  path,
  dev: 2049,
  // Inodes of large file systems pass 2^32.
  ino: 2 ** 40 + 7,
  size: offset + 10,
  offset,
  line: 3,
  head: "h:abc",
  edge: "e:def",
  context: { model: "gpt-5-codex", totals: [1, 2] },
});

describe.each(backends())("import file states on $name", (backend) => {
  afterAll(() => backend.cleanup());

  it("round-trips, replaces by path, and keeps importers apart", async () => {
    const store = await openStore(await backend.fresh());
    try {
      await saveFileStates(store.db, "claude", [
        state("/a", 5),
        state("/b", 9),
      ]);
      await saveFileStates(store.db, "claude", [state("/a", 50)]);
      const { context: _, ...bare } = state("/c", 1);
      await saveFileStates(store.db, "codex", [bare]);
      const claude = await loadFileStates(store.db, "claude");
      const byPath = claude.sort((x, y) => x.path.localeCompare(y.path));
      expect(byPath).toEqual([state("/a", 50), state("/b", 9)]);
      expect(await loadFileStates(store.db, "codex")).toEqual([bare]);
    } finally {
      await store.close();
    }
  });
});
