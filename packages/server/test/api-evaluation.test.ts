import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiEvaluationReport, ProblemDetails } from '@rsp/core/client.js';
import type { EvaluationReport } from '@rsp/core/evaluation.js';
import { SurveyResponse, VisioSession, WeeklyCount } from '@rsp/core/schemas.js';
import type { SurveyAnswer, VisioSessionInput, WeeklyCountInput } from '@rsp/core/schemas.js';
import type { Hono } from 'hono';
import type { Database } from '../src/db/index.js';
import { insertSurveyResponse } from '../src/db/surveys.js';
import { call, engines, seed, testApp, tokenFor } from './support/harness.js';

async function problem(res: Response, status: number): Promise<ProblemDetails> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return ProblemDetails.parse(await res.json());
}

const count = (c: WeeklyCountInput): WeeklyCountInput => c;

for (const engine of engines) {
  describe(`counts and evaluation API (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    let errors: unknown[];
    const tokens = { mediator: '', salviac: '', coordinator: '', admin: '', agent: '' };
    before(async () => {
      db = await engine.open();
      await seed(db);
      ({ app, errors } = testApp(db));
      tokens.mediator = await tokenFor(db, 'mediator'); // Gramat
      tokens.salviac = await tokenFor(db, 'mediator', { siteId: 'lot-salviac' });
      tokens.coordinator = await tokenFor(db, 'coordinator');
      tokens.admin = await tokenFor(db, 'admin');
      tokens.agent = await tokenFor(db, 'agent');
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await db.close();
    });

    describe('POST /api/counts', () => {
      it('stores a first count (201) and replaces it for the same site and week (200)', async () => {
        const first = count({ siteId: 'lot-gramat', week: '2026-W40', people: 9, byService: { information: 7 }, byAgency: { caf: 3 } });
        const res = await call(app, 'POST', '/api/counts', { body: first, token: tokens.mediator });
        assert.equal(res.status, 201);
        assert.deepEqual(WeeklyCount.parse(await res.json()), WeeklyCount.parse(first));
        const second = count({ siteId: 'lot-gramat', week: '2026-W40', byService: { forms: 2 } });
        const again = await call(app, 'POST', '/api/counts', { body: second, token: tokens.mediator });
        assert.equal(again.status, 200);
        assert.deepEqual(WeeklyCount.parse(await again.json()), WeeklyCount.parse(second));
        const rows = await db.query<{ record: unknown }>('SELECT record FROM weekly_counts WHERE site_id = $1 AND week = $2', ['lot-gramat', '2026-W40']);
        assert.deepEqual(rows.map((r) => r.record), [WeeklyCount.parse(second)]);
      });

      it('replays a count sent again with the same key', async () => {
        const body = count({ siteId: 'lot-gramat', week: '2026-W41', byService: { visio: 1 } });
        const first = await call(app, 'POST', '/api/counts', { body, token: tokens.mediator, key: 'count-key-w41' });
        assert.equal(first.status, 201);
        const again = await call(app, 'POST', '/api/counts', { body, token: tokens.mediator, key: 'count-key-w41' });
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotency-replayed'), 'true');
        assert.deepEqual(WeeklyCount.parse(await again.json()), WeeklyCount.parse(body));
      });

      it('lets a mediator send only their own site’s counts (403); coordinators and admins any site', async () => {
        const body = count({ siteId: 'lot-salviac', week: '2026-W40', byService: { information: 1 } });
        const p = await problem(await call(app, 'POST', '/api/counts', { body, token: tokens.mediator, headers: { 'Accept-Language': 'en' } }), 403);
        assert.match(p.detail ?? '', /lot-gramat.*lot-salviac/);
        assert.equal((await call(app, 'POST', '/api/counts', { body, token: tokens.coordinator })).status, 201);
        assert.equal((await call(app, 'POST', '/api/counts', { body, token: tokens.admin })).status, 200);
        assert.equal((await call(app, 'POST', '/api/counts', { body, token: tokens.salviac })).status, 200);
        await problem(await call(app, 'POST', '/api/counts', { body, token: tokens.agent }), 403);
        await problem(await call(app, 'POST', '/api/counts', { body }), 401);
      });

      it('takes the current week but answers 422 for a week to come, a week that does not exist, an unknown site or agency', async () => {
        // Now is Tuesday 1 December 2026: week 2026-W49.
        assert.equal((await call(app, 'POST', '/api/counts', { body: count({ siteId: 'lot-gramat', week: '2026-W49' }), token: tokens.mediator })).status, 201);
        const future = await problem(await call(app, 'POST', '/api/counts', { body: count({ siteId: 'lot-gramat', week: '2026-W50' }), token: tokens.mediator, headers: { 'Accept-Language': 'en' } }), 422);
        assert.deepEqual(future.errors, [{ path: 'week', message: 'is a week to come: send the count once the week has begun' }]);
        const missing = await problem(await call(app, 'POST', '/api/counts', { body: count({ siteId: 'lot-gramat', week: '2025-W53' }), token: tokens.mediator }), 422);
        assert.deepEqual(missing.errors?.map((e) => e.path), ['week']);
        const unknown = await problem(
          await call(app, 'POST', '/api/counts', { body: count({ siteId: 'nowhere', week: '2026-W40', byAgency: { caf: 1, cpam: 2 } }), token: tokens.coordinator }),
          422,
        );
        assert.deepEqual(unknown.errors?.map((e) => e.path), ['siteId', 'byAgency.cpam']);
        const invalid = await problem(await call(app, 'POST', '/api/counts', { body: { siteId: 'lot-gramat', week: '2026-40', byService: { information: -1 } }, token: tokens.mediator }), 422);
        assert.deepEqual(invalid.errors?.map((e) => e.path).sort(), ['byService.information', 'week']);
        const rows = await db.query('SELECT 1 FROM weekly_counts WHERE week IN ($1, $2) OR site_id = $3', ['2026-W50', '2025-W53', 'nowhere']);
        assert.equal(rows.length, 0);
      });
    });

    describe('GET /api/reports/evaluation', () => {
      const report = async (query: string, token = tokens.coordinator): Promise<EvaluationReport> => {
        const res = await call(app, 'GET', `/api/reports/evaluation?${query}`, { token });
        assert.equal(res.status, 200, await res.clone().text());
        return ApiEvaluationReport.parse(await res.json()) as EvaluationReport;
      };

      before(async () => {
        // November 2026: W45 (Thursday 5 Nov) and W46 (Thursday 12 Nov) are in; W44 (Thursday 29 Oct) is not.
        const counts: WeeklyCountInput[] = [
          { siteId: 'lot-gramat', week: '2026-W44', people: 100, byService: { information: 100 } },
          { siteId: 'lot-gramat', week: '2026-W45', people: 12, byService: { information: 10, forms: 5 }, byAgency: { caf: 8 } },
          { siteId: 'lot-gramat', week: '2026-W46', byService: { information: 4 } },
          { siteId: 'lot-salviac', week: '2026-W46', people: 5, byService: { 'online-help': 6 }, byAgency: { caf: 2, 'mission-locale': 3 } },
        ];
        for (const body of counts) assert.ok([200, 201].includes((await call(app, 'POST', '/api/counts', { body, token: tokens.coordinator })).status));
        // 10 answers at Gramat, 1 at Salviac in November; 1 the day before, 1 to the other survey.
        let n = 0;
        const respond = (siteId: string, submittedAt: string, answers: Record<string, SurveyAnswer>, surveyId = 'rsp-satisfaction') =>
          insertSurveyResponse(db, SurveyResponse.parse({ surveyId, surveyVersion: 1, siteId, visitToken: `report-visit-${String((n += 1))}-token`, submittedAt, answers }));
        for (let i = 0; i < 10; i += 1)
          await respond('lot-gramat', `2026-11-${String(10 + i)}T10:00:00+01:00`, { reception: i < 5 ? 'very-satisfied' : 'satisfied', recommend: true });
        await respond('lot-salviac', '2026-11-30T23:30:00+01:00', { reception: 'satisfied', recommend: false });
        await respond('lot-gramat', '2026-10-31T23:30:00+01:00', { reception: 'not-at-all' });
        await respond('lot-gramat', '2026-11-12T10:00:00+01:00', { reception: 'not-at-all' }, 'rsp-quick-feedback');
        // Visio sessions: two held at Gramat with the CAF, one requested and never started, one in October.
        const sessions: VisioSessionInput[] = [
          { id: 's1', siteId: 'lot-gramat', agencyId: 'caf', requestedAt: '2026-11-03T09:00:00+01:00', startedAt: '2026-11-03T09:05:00+01:00', endedAt: '2026-11-03T09:25:00+01:00', outcome: 'settled' },
          { id: 's2', siteId: 'lot-gramat', agencyId: 'caf', requestedAt: '2026-11-04T09:00:00+01:00', startedAt: '2026-11-04T09:02:00+01:00', endedAt: '2026-11-04T09:12:00+01:00' },
          { id: 's3', siteId: 'lot-salviac', agencyId: 'caf', requestedAt: '2026-11-05T09:00:00+01:00' },
          { id: 's4', siteId: 'lot-gramat', agencyId: 'caf', requestedAt: '2026-10-30T09:00:00+01:00', startedAt: '2026-10-30T09:01:00+01:00' },
        ];
        for (const s of sessions) {
          const record = VisioSession.parse(s);
          await db.query('INSERT INTO visio_sessions (id, site_id, agency_id, requested_at, record) VALUES ($1, $2, $3, $4, $5)', [record.id, record.siteId, record.agencyId, record.requestedAt, record]);
        }
      });

      it('totals the stored counts, answers and sessions of the period, figures checked by hand', async () => {
        const r = await report('from=2026-11-01&to=2026-11-30');
        assert.deepEqual(r.period, { from: '2026-11-01', to: '2026-11-30' });
        assert.deepEqual(r.siteNames, { 'lot-gramat': 'Relais Services Publics de Gramat', 'lot-salviac': 'Relais Services Publics de Salviac' });
        // Counts: W45 + W46 only. Acts 15 + 4 + 6 = 25; people 12 + 5 over 2 grids of 3.
        const total = r.counts.total;
        assert.deepEqual(
          { grids: total.grids, acts: total.acts, people: total.people, gridsWithPeople: total.gridsWithPeople, byService: total.byService, byAgency: total.byAgency },
          { grids: 3, acts: 25, people: 17, gridsWithPeople: 2, byService: { information: 14, forms: 5, 'online-help': 6 }, byAgency: { caf: 10, 'mission-locale': 3 } },
        );
        assert.deepEqual(r.counts.bySite.map((s) => [s.id, s.acts, s.share]), [['lot-gramat', 19, 19 / 25], ['lot-salviac', 6, 6 / 25]]);
        assert.deepEqual(r.counts.byAgency.map((a) => [a.id, a.acts, a.share]), [['caf', 10, 10 / 13], ['mission-locale', 3, 3 / 13]]);
        assert.deepEqual(r.counts.byService.map((s) => [s.id, s.acts]), [['information', 14], ['online-help', 6], ['forms', 5]]);
        assert.deepEqual(r.counts.byTerritory.map((t) => [t.id, t.name, t.siteIds, t.acts, t.share]), [['dep-46', 'Lot (46)', ['lot-gramat', 'lot-salviac'], 25, 1]]);
        assert.deepEqual(r.counts.byQuarter.map((q) => [q.key, q.weeks, q.totals.acts, q.actsPerWeek]), [['2026-Q4', 2, 25, 12.5]]);
        // Survey: 11 answers to rsp-satisfaction v1 in November (not the October one, not the quick feedback).
        const survey = r.survey;
        assert.ok(survey);
        assert.equal(survey.responses, 11);
        const reception = survey.questions.find((q) => q.id === 'reception');
        assert.ok(reception && !reception.suppressed);
        assert.equal(reception.respondents, 11);
        assert.deepEqual(
          reception.options?.map((o) => (o.suppressed ? [o.value, 'suppressed'] : [o.value, o.count, o.share])),
          [['very-satisfied', 5, 5 / 11], ['satisfied', 6, 6 / 11], ['not-very', 0, 0], ['not-at-all', 0, 0]],
        );
        const recommend = survey.questions.find((q) => q.id === 'recommend');
        assert.ok(recommend && !recommend.suppressed);
        // "No" (1) is under the threshold of 5, so "yes" (10) is suppressed with it.
        assert.deepEqual(recommend.options?.map((o) => [o.value, o.suppressed]), [['true', true], ['false', true]]);
        // Site by site: Salviac (1 answer) is suppressed, and Gramat with it (the total is shown).
        assert.deepEqual(r.surveyBySite, [{ siteId: 'lot-gramat', suppressed: true }, { siteId: 'lot-salviac', suppressed: true }]);
        // Visio: 3 requested in November, 2 held (both CAF, Gramat), 20 and 10 minutes.
        assert.deepEqual(r.visio, {
          requested: 3,
          held: 2,
          byAgency: [{ id: 'caf', sessions: 2, share: 1 }],
          bySite: [{ id: 'lot-gramat', sessions: 2, share: 1 }],
          byOutcome: { settled: 1 },
          meanMinutes: 15,
        });
        assert.deepEqual(r.trips, { ...r.trips, trips: 0 });
      });

      it('restricts the report to a territory and breaks a department down by commune', async () => {
        const salviac = await report('from=2026-11-01&to=2026-11-30&territory=commune-46297');
        assert.deepEqual(salviac.siteNames, { 'lot-salviac': 'Relais Services Publics de Salviac' });
        assert.equal(salviac.counts.total.acts, 6);
        assert.deepEqual(salviac.counts.byTerritory.map((t) => [t.id, t.name, t.acts]), [['commune-46297', 'Salviac', 6]]);
        assert.deepEqual(salviac.survey?.responses, { suppressed: true });
        assert.equal(salviac.visio.requested, 1);
        assert.equal(salviac.visio.held, 0);
        const lot = await report('from=2026-11-01&to=2026-11-30&territory=dep-46', tokens.admin);
        assert.deepEqual(lot.counts.byTerritory.map((t) => [t.id, t.name, t.acts, t.share]), [['commune-46128', 'Gramat', 19, 19 / 25], ['commune-46297', 'Salviac', 6, 6 / 25]]);
        assert.equal(lot.counts.total.acts, 25);
      });

      it('gives an empty report for a period without data', async () => {
        const r = await report('from=2020-01-01&to=2020-12-31');
        assert.deepEqual(r.siteNames, {});
        assert.equal(r.counts.total.acts, 0);
        assert.equal(r.visio.requested, 0);
        assert.deepEqual(r.surveyBySite, []);
      });

      it('answers 400 for a bad period, 404 for an unknown territory', async () => {
        const reversed = await problem(await call(app, 'GET', '/api/reports/evaluation?from=2026-11-30&to=2026-11-01', { token: tokens.coordinator }), 400);
        assert.deepEqual(reversed.errors?.map((e) => e.path), ['to']);
        assert.equal((await call(app, 'GET', '/api/reports/evaluation?from=2025-01-01&to=2026-12-31', { token: tokens.coordinator })).status, 200);
        const long = await problem(await call(app, 'GET', '/api/reports/evaluation?from=2025-01-01&to=2027-01-02', { token: tokens.coordinator }), 400);
        assert.match(long.detail ?? '', /deux ans/);
        const missing = await problem(await call(app, 'GET', '/api/reports/evaluation?from=2026-11-01', { token: tokens.coordinator }), 400);
        assert.deepEqual(missing.errors?.map((e) => e.path), ['to']);
        await problem(await call(app, 'GET', '/api/reports/evaluation?from=2026-11-01&to=2026-11-31', { token: tokens.coordinator }), 400);
        await problem(await call(app, 'GET', '/api/reports/evaluation?from=2026-11-01&to=2026-11-30&colour=red', { token: tokens.coordinator }), 400);
        await problem(await call(app, 'GET', '/api/reports/evaluation?from=2026-11-01&to=2026-11-30&territory=dep-07', { token: tokens.coordinator }), 404);
      });

      it('is for coordinators and admins only (401, 403)', async () => {
        const query = '/api/reports/evaluation?from=2026-11-01&to=2026-11-30';
        await problem(await call(app, 'GET', query), 401);
        await problem(await call(app, 'GET', query, { token: tokens.mediator }), 403);
        await problem(await call(app, 'GET', query, { token: tokens.agent }), 403);
      });
    });
  });
}
