import { SurveyResponse } from '@rsp/core/schemas.js';
import type { Queryable } from './database.js';

/**
 * Stores an anonymous survey response (no IP address, no user agent: the
 * table has no column for them). A second response with the same survey and
 * visit token is refused with a `ConflictError` on
 * `survey_responses_one_per_visit`. `receivedAt` is the server's clock
 * (default: the database's `now()`). Returns when it was received.
 */
export async function insertSurveyResponse(db: Queryable, response: SurveyResponse, receivedAt?: Date): Promise<{ receivedAt: string }> {
  const [row] = await db.query<{ received_at: Date }>(
    `INSERT INTO survey_responses (survey_id, survey_version, site_id, visit_token, submitted_at, record, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now())) RETURNING received_at`,
    [response.surveyId, response.surveyVersion, response.siteId, response.visitToken, response.submittedAt, response, receivedAt ?? null],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { receivedAt: row.received_at.toISOString() };
}

/** Which responses {@link listSurveyResponses} reads. */
export interface SurveyResponseQuery {
  readonly surveyId: string;
  readonly surveyVersion: number;
  /** Submitted at or after this instant. */
  readonly from: Date;
  /** Submitted before this instant. */
  readonly before: Date;
  /** Only these sites; all when absent. */
  readonly siteIds?: readonly string[];
}

/**
 * The stored responses to one survey version submitted in `[from, before)`,
 * oldest first, as the `SurveyResponse` records they were received as.
 */
export async function listSurveyResponses(db: Queryable, query: SurveyResponseQuery): Promise<SurveyResponse[]> {
  const rows = await db.query<{ record: unknown }>(
    `SELECT record FROM survey_responses
      WHERE survey_id = $1 AND survey_version = $2 AND submitted_at >= $3 AND submitted_at < $4
        AND ($5::text IS NULL OR site_id IN (SELECT jsonb_array_elements_text($5::text::jsonb)))
      ORDER BY submitted_at, id`,
    [query.surveyId, query.surveyVersion, query.from, query.before, query.siteIds ? JSON.stringify(query.siteIds) : null],
  );
  return rows.map((row) => SurveyResponse.parse(row.record));
}
