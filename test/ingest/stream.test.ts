import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { ingestStream } from "../../src/ingest/ingest.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { backends } from "../helpers/backends.js";

const [sqlite] = backends();

function lines(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `${JSON.stringify({
        kind: "holdout",
        correlation_id: `t${i}`,
        source: "hook_correction",
        at: "2026-03-02T10:00:00Z",
      })}\n`,
  );
}

/** The store as it is, but its second batch fails the way a lost server does. */
function failingOnSecondBatch(store: Store): Store {
  let batches = 0;
  return Object.assign(Object.create(store) as Store, {
    concurrency: 2,
    async writeBatch(batch: Parameters<Store["writeBatch"]>[0]) {
      batches += 1;
      if (batches === 2) throw new Error("connection lost");
      return store.writeBatch(batch);
    },
  });
}

afterAll(() => sqlite?.cleanup());

describe("ingestStream", () => {
  it("reads a stream of strings as well as one of bytes", async () => {
    const store = await openStore(
      await (sqlite as NonNullable<typeof sqlite>).fresh(),
    );
    try {
      const summary = await ingestStream(Readable.from(lines(3)), store, {
        name: "-",
      });
      expect(summary).toMatchObject({ accepted: 3, rejected: 0 });
    } finally {
      await store.close();
    }
  });

  it("fails with the store's error when a batch in flight fails", async () => {
    const store = await openStore(
      await (sqlite as NonNullable<typeof sqlite>).fresh(),
    );
    try {
      // Lines trickle in, so the failing batch is still in flight, and not
      // yet awaited, while the next ones are read.
      const input = Readable.from(
        (async function* () {
          for (const line of lines(50)) {
            await sleep(1);
            yield line;
          }
        })(),
      );
      const run = ingestStream(input, failingOnSecondBatch(store), {
        name: "-",
        batchSize: 10,
      });
      await expect(run).rejects.toThrow("connection lost");
    } finally {
      await store.close();
    }
  });
});
