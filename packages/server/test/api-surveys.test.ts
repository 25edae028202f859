import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProblemDetails, SurveyReceipt } from '@rsp/core/client.js';
import { quickFeedbackSurvey, rspSatisfactionSurvey } from '@rsp/core/evaluation.js';
import { SurveyDefinition, SurveyResponse } from '@rsp/core/schemas.js';
import type { SurveyResponseInput } from '@rsp/core/schemas.js';
import type { Hono } from 'hono';
import type { Database } from '../src/db/index.js';
import { NOW, call, engines, seed, testApp } from './support/harness.js';

let serial = 0;
/** A valid answer to the satisfaction survey, with a fresh visit token. */
function answer(overrides: Partial<SurveyResponseInput> = {}): SurveyResponseInput {
  serial += 1;
  return {
    surveyId: 'rsp-satisfaction',
    surveyVersion: 1,
    siteId: 'lot-gramat',
    visitToken: `visit-token-${String(serial).padStart(6, '0')}`,
    submittedAt: '2026-12-01T07:55:00+01:00',
    answers: { reception: 'very-satisfied', recommend: true, reason: ['proximity', 'other'], 'reason-other': 'le bus' },
    ...overrides,
  };
}

const PATH = '/api/surveys/rsp-satisfaction/responses';

async function problem(res: Response, status: number): Promise<ProblemDetails> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return ProblemDetails.parse(await res.json());
}

async function rowCount(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_responses');
  return row?.n ?? -1;
}

for (const engine of engines) {
  describe(`surveys API (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    let errors: unknown[];
    before(async () => {
      db = await engine.open();
      await seed(db);
      ({ app, errors } = testApp(db));
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await db.close();
    });

    it('serves the current definition of each survey, as the core defines it', async () => {
      for (const survey of [rspSatisfactionSurvey, quickFeedbackSurvey]) {
        const res = await call(app, 'GET', `/api/surveys/${survey.id}`);
        assert.equal(res.status, 200);
        const body = SurveyDefinition.parse(await res.json());
        assert.deepEqual(body, survey);
      }
    });

    it('answers 404 for an unknown survey, to read or to answer', async () => {
      const read = await problem(await call(app, 'GET', '/api/surveys/no-such-survey'), 404);
      assert.match(read.detail ?? '', /no-such-survey/);
      await problem(await call(app, 'POST', '/api/surveys/no-such-survey/responses', { body: answer({ surveyId: 'no-such-survey' }), key: 'key-unknown-survey' }), 404);
    });

    it('records an answer (201 SurveyReceipt) and stores only the response and its times: no IP address, no user agent', async () => {
      const body = answer();
      const res = await call(app, 'POST', PATH, {
        body,
        key: 'key-first-answer',
        headers: { 'User-Agent': 'Mozilla/5.0 TestBrowser-7f3a', 'X-Forwarded-For': '203.0.113.77', 'X-Real-IP': '203.0.113.78', Cookie: 'session=cookie-9c1d' },
      });
      assert.equal(res.status, 201);
      const receipt = SurveyReceipt.parse(await res.json());
      assert.deepEqual(receipt, { surveyId: 'rsp-satisfaction', receivedAt: NOW.toISOString() });

      const rows = await db.query('SELECT * FROM survey_responses WHERE visit_token = $1', [body.visitToken]);
      assert.equal(rows.length, 1);
      const row = rows[0] ?? {};
      assert.deepEqual(Object.keys(row).sort(), ['id', 'received_at', 'record', 'site_id', 'submitted_at', 'survey_id', 'survey_version', 'visit_token']);
      assert.deepEqual(row.record, SurveyResponse.parse(body));
      assert.deepEqual(Object.keys(row.record as object).sort(), ['answers', 'schemaVersion', 'siteId', 'submittedAt', 'surveyId', 'surveyVersion', 'visitToken']);
      assert.equal((row.received_at as Date).toISOString(), NOW.toISOString());
      assert.equal((row.submitted_at as Date).toISOString(), new Date(body.submittedAt).toISOString());
      const stored = JSON.stringify(row);
      for (const secret of ['TestBrowser-7f3a', '203.0.113.77', '203.0.113.78', 'cookie-9c1d', 'Mozilla']) assert.ok(!stored.includes(secret), `${secret} stored`);
      const [idempotency] = await db.query<{ response: unknown }>('SELECT response FROM idempotency_keys WHERE key = $1', ['key-first-answer']);
      assert.ok(!JSON.stringify(idempotency).includes('203.0.113'));
    });

    it('replays an answer sent again with the same key: the same receipt, one row', async () => {
      const body = answer();
      const first = await call(app, 'POST', PATH, { body, key: 'key-replayed-answer' });
      assert.equal(first.status, 201);
      const firstBody = SurveyReceipt.parse(await first.json());
      const before = await rowCount(db);
      const again = await call(app, 'POST', PATH, { body, key: 'key-replayed-answer' });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(SurveyReceipt.parse(await again.json()), firstBody);
      assert.equal(await rowCount(db), before);
      const rows = await db.query('SELECT 1 FROM survey_responses WHERE visit_token = $1', [body.visitToken]);
      assert.equal(rows.length, 1);
      // The same key with another body is refused.
      const reused = await problem(await call(app, 'POST', PATH, { body: { ...body, answers: { reception: 'satisfied' } }, key: 'key-replayed-answer' }), 422);
      assert.equal(reused.type, 'https://rsp.example.fr/problems/idempotency-key-reused');
    });

    it('refuses a second answer for the same visit token (409 already-answered), even with another key', async () => {
      const body = answer();
      assert.equal((await call(app, 'POST', PATH, { body, key: 'key-visit-first' })).status, 201);
      const before = await rowCount(db);
      const res = await call(app, 'POST', PATH, { body: { ...body, answers: { reception: 'not-at-all' } }, key: 'key-visit-second', headers: { 'Accept-Language': 'en' } });
      const p = await problem(res, 409);
      assert.equal(p.type, 'https://rsp.example.fr/problems/already-answered');
      assert.match(p.detail ?? '', /already answered/);
      assert.equal(await rowCount(db), before);
      // The same token for the other survey is another answer.
      const quick = await call(app, 'POST', '/api/surveys/rsp-quick-feedback/responses', {
        body: { ...body, surveyId: 'rsp-quick-feedback', answers: { reception: 'satisfied', comment: 'Très bien' } },
        key: 'key-visit-quick',
      });
      assert.equal(quick.status, 201);
    });

    it('needs an Idempotency-Key (400)', async () => {
      const p = await problem(await call(app, 'POST', PATH, { body: answer() }), 400);
      assert.match(p.detail ?? '', /Idempotency-Key/);
    });

    it('answers 404 for a version that is not the current one', async () => {
      const p = await problem(await call(app, 'POST', PATH, { body: answer({ surveyVersion: 2 }), key: 'key-version-2', headers: { 'Accept-Language': 'en' } }), 404);
      assert.match(p.detail ?? '', /no version 2/);
    });

    it('answers 422 with answers.<question id> paths for answers that fail checkAnswers', async () => {
      const res = await call(app, 'POST', PATH, {
        body: answer({ answers: { heard: 'radio', colour: 'blue', 'reason-other': 'hidden text', age: ['25-44'] } }),
        key: 'key-bad-answers',
        headers: { 'Accept-Language': 'en' },
      });
      const p = await problem(res, 422);
      const byPath = Object.fromEntries((p.errors ?? []).map((e) => [e.path, e.message]));
      assert.deepEqual(byPath, {
        'answers.colour': 'matches no question of this survey',
        'answers.reason-other': 'answers a question that is not asked with these answers',
        'answers.reception': 'is required',
        'answers.heard': 'is not a possible answer to this question',
        'answers.age': 'is not a possible answer to this question',
      });
      const long = await problem(await call(app, 'POST', PATH, { body: answer({ answers: { reception: 'satisfied', reason: ['other'], 'reason-other': 'x'.repeat(1500) } }), key: 'key-long-text' }), 422);
      assert.deepEqual(long.errors, [{ path: 'answers.reason-other', message: 'est trop long (200 caractères au plus)' }]);
    });

    it('answers 422 for an unknown site, a survey id unlike the path, or a body that fails the schema', async () => {
      const site = await problem(await call(app, 'POST', PATH, { body: answer({ siteId: 'nowhere' }), key: 'key-unknown-site' }), 422);
      assert.deepEqual(site.errors?.map((e) => e.path), ['siteId']);
      const other = await problem(await call(app, 'POST', PATH, { body: answer({ surveyId: 'rsp-quick-feedback' }), key: 'key-other-survey' }), 422);
      assert.deepEqual(other.errors?.map((e) => e.path), ['surveyId']);
      const bad = await problem(await call(app, 'POST', PATH, { body: { ...answer(), visitToken: 'short', extra: 1 }, key: 'key-bad-schema' }), 422);
      assert.deepEqual(bad.errors?.map((e) => e.path).sort(), ['extra', 'visitToken']);
      assert.equal(await db.query('SELECT 1 FROM survey_responses WHERE site_id = $1', ['nowhere']).then((r) => r.length), 0);
    });

    it('answers 401 for an invalid bearer token, even on this public endpoint', async () => {
      await problem(await call(app, 'POST', PATH, { body: answer(), key: 'key-bad-token', token: 'not-a-real-token-0000000' }), 401);
    });
  });
}
