import type { Batch } from "./batch.js";
import type { PgClient } from "./driver.js";
import { savingsColumns } from "./flush.js";
import {
  INSERT_INTERVENTIONS,
  INSERT_NEW_INTERVENTIONS,
  interventionParams,
} from "./intervention-sql.js";

const UNIQUE_VIOLATION = "23505";

/**
 * Interventions and all savings rollups; returns how many were new. The
 * batch is first tried as all new; when some id is stored already (or
 * being stored by another writer) it is written again with conflict
 * handling, from a savepoint so the rest of the batch stays.
 */
export async function writeInterventions(client: PgClient, batch: Batch) {
  const { encoded, delta } = batch;
  if (encoded.interventions === 0 && delta.savings.size === 0) return 0;
  const params = interventionParams(encoded.rows, savingsColumns(delta));
  await client.query("savepoint interventions");
  try {
    const result = await insertCount(client, INSERT_NEW_INTERVENTIONS, params);
    await client.query("release savepoint interventions");
    return result;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query("rollback to savepoint interventions");
    return insertCount(client, INSERT_INTERVENTIONS, params);
  }
}

/**
 * Runs one of the intervention statements as a prepared statement: it is
 * long enough that planning it for every batch shows in the server's time.
 */
async function insertCount(
  client: PgClient,
  statement: { readonly name: string; readonly text: string },
  values: readonly unknown[],
): Promise<number> {
  const result = await client.query<{ inserted: number }>({
    ...statement,
    values,
  });
  return result.rows[0]?.inserted ?? 0;
}
