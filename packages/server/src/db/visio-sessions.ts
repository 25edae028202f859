import { VisioSession } from '@rsp/core/schemas.js';
import type { Queryable } from './database.js';

/**
 * The visio-guichet sessions requested in `[from, before)`, oldest first, as
 * their `VisioSession` records (for the evaluation report). `siteIds`
 * restricts them to some sites.
 */
export async function listVisioSessions(db: Queryable, query: { from: Date; before: Date; siteIds?: readonly string[] }): Promise<VisioSession[]> {
  const rows = await db.query<{ record: unknown }>(
    `SELECT record FROM visio_sessions
      WHERE requested_at >= $1 AND requested_at < $2
        AND ($3::text IS NULL OR site_id IN (SELECT jsonb_array_elements_text($3::text::jsonb)))
      ORDER BY requested_at, id`,
    [query.from, query.before, query.siteIds ? JSON.stringify(query.siteIds) : null],
  );
  return rows.map((row) => VisioSession.parse(row.record));
}
