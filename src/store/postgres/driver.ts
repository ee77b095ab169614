/** The few parts of `pg` the store uses. */
export interface PgResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number | null;
}

/** A statement the connection prepares once, by name, and then reuses. */
export interface PgNamedQuery {
  readonly name: string;
  readonly text: string;
  readonly values: readonly unknown[];
}

export interface PgClient {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<PgResult<Row>>;
  query<Row = Record<string, unknown>>(
    query: PgNamedQuery,
  ): Promise<PgResult<Row>>;
  release(): void;
}

export interface PgPool {
  connect(): Promise<PgClient>;
  end(): Promise<void>;
}
