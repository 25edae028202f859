import { WeeklyCount } from '@rsp/core/schemas.js';
import type { Queryable } from './database.js';

/** What {@link saveWeeklyCount} did: stored a first count for the week, or replaced the one there was. */
export interface SavedWeeklyCount {
  readonly count: WeeklyCount;
  /** `true` for a first count of this site and week, `false` when it replaced one. */
  readonly created: boolean;
}

/**
 * Stores a site's weekly count; a second count for the same site and week
 * replaces the first (one row per site and week, `weekly_counts_one_per_week`).
 * Safe under concurrency: one `INSERT … ON CONFLICT DO UPDATE`.
 */
export async function saveWeeklyCount(db: Queryable, count: WeeklyCount, at?: Date): Promise<SavedWeeklyCount> {
  const [row] = await db.query<{ inserted: boolean }>(
    `INSERT INTO weekly_counts (site_id, week, record, updated_at) VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()))
     ON CONFLICT ON CONSTRAINT weekly_counts_one_per_week
     DO UPDATE SET record = EXCLUDED.record, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS inserted`,
    [count.siteId, count.week, count, at ?? null],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { count, created: row.inserted };
}

/** Which counts {@link listWeeklyCounts} reads. */
export interface WeeklyCountQuery {
  /** ISO weeks `YYYY-Www`, both included (they sort as text). */
  readonly fromWeek: string;
  readonly toWeek: string;
  /** Only these sites; all when absent. */
  readonly siteIds?: readonly string[];
}

/** The stored weekly counts of a range of weeks, by week then site. */
export async function listWeeklyCounts(db: Queryable, query: WeeklyCountQuery): Promise<WeeklyCount[]> {
  const rows = await db.query<{ record: unknown }>(
    `SELECT record FROM weekly_counts
      WHERE week >= $1 AND week <= $2
        AND ($3::text IS NULL OR site_id IN (SELECT jsonb_array_elements_text($3::text::jsonb)))
      ORDER BY week, site_id`,
    [query.fromWeek, query.toWeek, query.siteIds ? JSON.stringify(query.siteIds) : null],
  );
  return rows.map((row) => WeeklyCount.parse(row.record));
}
