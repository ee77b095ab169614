/** The few parts of better-sqlite3 the store uses. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqliteTransaction<T> {
  immediate(): T;
}

export interface SqliteDriver {
  prepare(sql: string): SqliteStatement;
  pragma(source: string): unknown;
  transaction<T>(fn: () => T): SqliteTransaction<T>;
  close(): void;
}
