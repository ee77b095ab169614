/** The few parts of `pg` the store uses. */
export interface PgResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number | null;
}

export interface PgClient {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<PgResult<Row>>;
  release(): void;
}

export interface PgPool {
  connect(): Promise<PgClient>;
  end(): Promise<void>;
}
