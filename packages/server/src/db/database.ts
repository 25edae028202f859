/**
 * A value passed as a query parameter. Objects go to `jsonb` columns as JSON;
 * arrays become PostgreSQL arrays with `pg`, so pass a JSON array as a string.
 */
export type SqlParam = string | number | boolean | null | Date | object;

/** What can run SQL: the database itself or a transaction's handle. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. Engine errors go through `mapDatabaseError`. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** One SQL layer over PGlite (embedded) and PostgreSQL (`pg`). */
export interface Database extends Queryable {
  /** `pglite` (embedded, one process) or `postgres` (a server, a pool of connections). */
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `fn` in a transaction on one connection: committed when it resolves,
   * rolled back when it throws (the error is rethrown, mapped).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connections (and flushes a PGlite data folder). */
  close(): Promise<void>;
}

/** Where the data lives. */
export interface DatabaseOptions {
  /** A PostgreSQL URL (`postgres://…`, usually `$DATABASE_URL`); wins over `dataDir`. */
  readonly url?: string | undefined;
  /** PGlite's data folder; without `url` or `dataDir`, an in-memory database. */
  readonly dataDir?: string | undefined;
  /** The PostgreSQL pool's size (default 10). */
  readonly poolSize?: number | undefined;
  /** Apply pending migrations on opening (default `true`). */
  readonly migrate?: boolean | undefined;
}
