import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditNetwork, franceServices2019, rsp2006 } from '@rsp/core/charter.js';
import { ApiNetworkAudit, ProblemDetails, createClient, isHttpError } from '@rsp/core/client.js';
import type { FetchLike } from '@rsp/core/client.js';
import { Hono } from 'hono';
import { apiServices } from '../src/app.js';
import { mountEndpoints } from '../src/api/router.js';
import type { Database } from '../src/db/index.js';
import { auditEndpoints } from '../src/routes/audit.js';
import { endpoints } from '../src/routes/index.js';
import { NOW, agencies, call, conventions, engines, seed, sites, testApp, tokenFor } from './support/harness.js';

/**
 * The application with `GET /api/audit`: the harness's own once the endpoint
 * is listed in routes/index.ts, else the same endpoints plus the audit's,
 * with the harness's clock and settings.
 */
function auditApp(db: Database): { app: Hono; errors: unknown[] } {
  if (endpoints.some((e) => e.path === '/api/audit')) return testApp(db);
  const errors: unknown[] = [];
  const app = new Hono();
  mountEndpoints(app, [...endpoints, ...auditEndpoints], apiServices(db, { now: () => NOW, rateLimits: false, log: (_message, error) => errors.push(error) }));
  return { app, errors };
}

for (const engine of engines) {
  describe(`GET /api/audit (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    let errors: unknown[];
    before(async () => {
      db = await engine.open();
      await seed(db);
      ({ app, errors } = auditApp(db));
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await db.close();
    });

    it('asks for a token (401), refuses a mediator and an agent (403)', async () => {
      const none = await call(app, 'GET', '/api/audit?charter=rsp-2006');
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      ProblemDetails.parse(await none.json());
      const wrong = await call(app, 'GET', '/api/audit?charter=rsp-2006', { token: 'not-a-real-token-0123456789' });
      assert.equal(wrong.status, 401);
      for (const role of ['mediator', 'agent'] as const) {
        const res = await call(app, 'GET', '/api/audit?charter=rsp-2006', { token: await tokenFor(db, role) });
        assert.equal(res.status, 403, role);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      }
    });

    it('gives a coordinator the network audit as auditNetwork computes it', async () => {
      const res = await call(app, 'GET', '/api/audit?charter=rsp-2006', { token: await tokenFor(db, 'coordinator') });
      assert.equal(res.status, 200);
      const audit = ApiNetworkAudit.parse(await res.json());
      const expected = auditNetwork(sites, rsp2006, { agencies, conventions, referenceDate: NOW, locale: 'fr' });
      assert.deepEqual(audit, JSON.parse(JSON.stringify(expected)));
      assert.equal(audit.charter, 'rsp-2006');
      assert.equal(audit.referenceDate, '2026-12-01');
      assert.equal(audit.sites, 2);
      // Gramat: 30 h over 5 days, social and employment partners, equipment unknown; Salviac: 6 h over 2 days.
      assert.deepEqual([audit.met, audit.notMet, audit.unknown], [0, 1, 1]);
      assert.deepEqual(audit.rules['weekly-hours'], { met: 1, notMet: 1, unknown: 0 });
      assert.deepEqual(audit.rules['partner-sectors'], { met: 1, notMet: 1, unknown: 0 });
      const salviac = audit.results.find((r) => r.id === 'lot-salviac');
      assert.equal(salviac?.status, 'not-met');
      assert.equal(salviac.findings[0]?.reason, 'ouvert 6 h par semaine sur 2 jours ; la charte demande au moins 24 h');
    });

    it('lets an admin in, defaults to France Services 2019 and writes the reasons in English when asked', async () => {
      const res = await call(app, 'GET', '/api/audit', { token: await tokenFor(db, 'admin'), headers: { 'Accept-Language': 'en' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-language'), 'en');
      const audit = ApiNetworkAudit.parse(await res.json());
      assert.equal(audit.charter, 'france-services-2019');
      assert.deepEqual(audit, JSON.parse(JSON.stringify(auditNetwork(sites, franceServices2019, { agencies, conventions, referenceDate: NOW, locale: 'en' }))));
      assert.match(audit.results[0]?.findings[0]?.reason ?? '', /^open 30 h a week over 5 days/);
      assert.match(audit.results[0]?.findings[3]?.reason ?? '', /^national partners missing: CNAM/);
    });

    it('answers 404 for an unknown charter and 400 for an unknown parameter', async () => {
      const token = await tokenFor(db, 'coordinator');
      const res = await call(app, 'GET', '/api/audit?charter=rsp-1999', { token, headers: { 'Accept-Language': 'en' } });
      assert.equal(res.status, 404);
      const problem = ProblemDetails.parse(await res.json());
      assert.equal(problem.detail, 'The charter "rsp-1999" is unknown; known charters: rsp-2006, france-services-2019.');
      assert.equal((await call(app, 'GET', '/api/audit?charter=toString', { token })).status, 404);
      assert.equal((await call(app, 'GET', '/api/audit?charter=rsp-2006&site=lot-gramat', { token })).status, 400);
    });

    it('works through the typed client of @rsp/core', async () => {
      const token = await tokenFor(db, 'coordinator');
      const api = createClient({ baseUrl: 'http://rsp.test/', token, retries: 0, fetch: ((input: Request) => app.request(input)) as FetchLike });
      const audit = await api.audit('france-services-2019');
      assert.equal(audit.sites, 2);
      const anonymous = createClient({ baseUrl: 'http://rsp.test/', retries: 0, fetch: ((input: Request) => app.request(input)) as FetchLike });
      await assert.rejects(anonymous.audit('rsp-2006'), (error: unknown) => isHttpError(error, 401));
    });
  });
}
