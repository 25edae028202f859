import type { SurveyResponse } from '@rsp/core/schemas.js';
import type { Queryable } from './database.js';

/**
 * Stores an anonymous survey response (no IP address, no user agent). A
 * second response with the same survey and visit token is refused with a
 * `ConflictError` on `survey_responses_one_per_visit`. Returns when it was received.
 */
export async function insertSurveyResponse(db: Queryable, response: SurveyResponse): Promise<{ receivedAt: string }> {
  const [row] = await db.query<{ received_at: Date }>(
    `INSERT INTO survey_responses (survey_id, survey_version, site_id, visit_token, submitted_at, record)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING received_at`,
    [response.surveyId, response.surveyVersion, response.siteId, response.visitToken, response.submittedAt, response],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { receivedAt: row.received_at.toISOString() };
}
