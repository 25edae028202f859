import pg from 'pg';
import type { Database, Queryable, SqlParam } from './database.js';
import { mapDatabaseError } from './errors.js';

function handle(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      try {
        return (await target.query<T & pg.QueryResultRow>(sql, [...params])).rows;
      } catch (error) {
        throw mapDatabaseError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await target.query(sql);
      } catch (error) {
        throw mapDatabaseError(error);
      }
    },
  };
}

/** A PostgreSQL server through a `pg` pool of `poolSize` connections. */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const self = handle(pool);
  return {
    engine: 'postgres',
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await fn(handle(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError;
        }
        throw mapDatabaseError(error);
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
