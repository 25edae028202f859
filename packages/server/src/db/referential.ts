import type { Queryable } from './database.js';

/**
 * Which of these site ids are stored. Reads the `sites` table through `db`
 * (a handler's transaction): inside a PGlite transaction, `catalog.current()`
 * would wait for the one connection the transaction holds.
 */
export async function knownSiteIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>('SELECT id FROM sites WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb))', [JSON.stringify(ids)]);
  return new Set(rows.map((r) => r.id));
}

/** Which of these agency ids are stored (see {@link knownSiteIds}). */
export async function knownAgencyIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>('SELECT id FROM agencies WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb))', [JSON.stringify(ids)]);
  return new Set(rows.map((r) => r.id));
}
