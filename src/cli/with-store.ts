import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";

/** Opens the ledger for one command and closes it however the command ends. */
export async function withStore<T>(
  target: string | undefined,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(target);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
