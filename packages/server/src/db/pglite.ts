import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, Queryable, SqlParam } from './database.js';
import { mapDatabaseError } from './errors.js';

function handle(target: PGlite | Transaction): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      try {
        return (await target.query<T>(sql, [...params])).rows;
      } catch (error) {
        throw mapDatabaseError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await target.exec(sql);
      } catch (error) {
        throw mapDatabaseError(error);
      }
    },
  };
}

/**
 * PostgreSQL in WebAssembly, in `dataDir` (a folder) or in memory
 * (`memory://`), with the `btree_gist` extension the bookings' constraint needs.
 * One connection: transactions run one after the other.
 */
export async function openPglite(dataDir = 'memory://'): Promise<Database> {
  // PGlite creates the data folder but not its parents (`.rsp-data/demo`).
  if (!dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const self = handle(pg);
  return {
    engine: 'pglite',
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      try {
        return await pg.transaction((tx) => fn(handle(tx)));
      } catch (error) {
        throw mapDatabaseError(error);
      }
    },
    async close(): Promise<void> {
      if (!pg.closed) await pg.close();
    },
  };
}
