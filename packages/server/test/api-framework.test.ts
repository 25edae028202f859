import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProblemDetails } from '@rsp/core/client.js';
import { Hono } from 'hono';
import { z } from 'zod';
import { endpoint, ok } from '../src/api/endpoint.js';
import type { AnyEndpoint } from '../src/api/endpoint.js';
import { openApiDocument } from '../src/api/openapi.js';
import { createRateLimiter } from '../src/api/rate-limit.js';
import { accepts, mountEndpoints, requestLocale } from '../src/api/router.js';
import type { ApiServices } from '../src/api/services.js';
import { ApiProblem } from '../src/api/problems.js';
import { createCatalog } from '../src/catalog.js';
import type { Database } from '../src/db/index.js';
import { call, engines, tokenFor } from './support/harness.js';

/** Toy endpoints that exercise the router: a note store with a counter of handler runs. */
function toyEndpoints(runs: { count: number }): AnyEndpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/notes/{id}',
      tag: 'test',
      summary: 'one note',
      params: z.strictObject({ id: z.string().regex(/^\d+$/) }),
      query: z.strictObject({ upper: z.enum(['true', 'false']).optional() }),
      answers: { 200: { description: 'a note', schema: z.object({ id: z.number(), text: z.string() }) } },
      async handle({ params, query, db }) {
        const [row] = await db.query<{ id: number; text: string }>('SELECT id, text FROM test_notes WHERE id = $1', [Number(params.id)]);
        if (!row) throw new ApiProblem('not-found', { fr: 'Pas de note.', en: 'No such note.' });
        return ok({ ...row, text: query.upper === 'true' ? row.text.toUpperCase() : row.text });
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/notes',
      tag: 'test',
      summary: 'add a note',
      idempotency: 'required',
      maxBodyBytes: 200,
      body: z.strictObject({ text: z.string().min(1, 'rsp.required').max(50, 'rsp.tooLong'), fail: z.boolean().optional() }),
      answers: { 201: { description: 'created' } },
      async handle({ body, db }) {
        runs.count += 1;
        const [row] = await db.query<{ id: number }>('INSERT INTO test_notes (text) VALUES ($1) RETURNING id', [body.text]);
        if (body.fail) throw new Error('boom after the insert');
        return ok({ id: row?.id, text: body.text }, 201);
      },
    }),
    endpoint({
      method: 'DELETE',
      path: '/api/notes/{id}',
      tag: 'test',
      summary: 'coordinators only',
      roles: ['coordinator'],
      params: z.strictObject({ id: z.string() }),
      answers: { 204: { description: 'deleted' } },
      async handle({ params, db }) {
        await db.query('DELETE FROM test_notes WHERE id = $1', [Number(params.id)]);
        return { status: 204 };
      },
    }),
  ];
}

describe('requestLocale and accepts', () => {
  it('picks French or English by quality, French otherwise', () => {
    assert.equal(requestLocale(undefined), 'fr');
    assert.equal(requestLocale('en-GB,en;q=0.9'), 'en');
    assert.equal(requestLocale('de-DE, en;q=0.5, fr;q=0.8'), 'fr');
    assert.equal(requestLocale('fr;q=0, en'), 'en');
    assert.equal(requestLocale('de, it'), 'fr');
    assert.equal(requestLocale(';;;,,q=abc'), 'fr');
  });

  it('matches Accept types with wildcards and quality zero', () => {
    assert.ok(accepts(undefined, ['application/json']));
    assert.ok(accepts('text/html, */*;q=0.1', ['application/json']));
    assert.ok(accepts('application/*', ['application/geo+json']));
    assert.ok(!accepts('text/html', ['application/json']));
    assert.ok(!accepts('application/json;q=0', ['application/json']));
  });
});

for (const engine of engines) {
  describe(`router on ${engine.name}`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    const runs = { count: 0 };
    const logged: unknown[] = [];
    before(async () => {
      db = await engine.open();
      await db.exec('CREATE TABLE test_notes (id serial PRIMARY KEY, text text NOT NULL)');
      await db.query("INSERT INTO test_notes (text) VALUES ('bonjour')");
      const services: ApiServices = {
        db,
        catalog: createCatalog(db),
        now: () => new Date(),
        limiter: createRateLimiter(false),
        iceServers: [],
        peerPath: '/peerjs',
        log: (_m, e) => logged.push(e),
      };
      app = new Hono();
      mountEndpoints(app, toyEndpoints(runs), services);
    });
    after(() => db.close());

    async function problem(res: Response): Promise<ProblemDetails> {
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = ProblemDetails.parse(await res.json());
      assert.equal(body.status, res.status);
      return body;
    }

    it('answers in the request’s language, with Content-Language and Vary', async () => {
      const fr = await call(app, 'GET', '/api/notes/99');
      assert.equal(fr.status, 404);
      assert.equal(fr.headers.get('content-language'), 'fr');
      assert.equal((await problem(fr)).detail, 'Pas de note.');
      const en = await call(app, 'GET', '/api/notes/99', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
      assert.equal((await problem(en)).title, 'Not found');
      assert.match(en.headers.get('vary') ?? '', /Accept-Language/);
    });

    it('validates path and query: unknown record 404, bad or unknown or repeated parameter 400 with the field', async () => {
      assert.equal((await call(app, 'GET', '/api/notes/1?upper=true')).status, 200);
      assert.equal((await call(app, 'GET', '/api/notes/abc')).status, 404);
      const bad = await problem(await call(app, 'GET', '/api/notes/1?upper=yes'));
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.errors?.map((e) => e.path),
        ['upper'],
      );
      assert.match(JSON.stringify(bad.errors), /yes/);
      const unknown = await problem(await call(app, 'GET', '/api/notes/1?colour=red'));
      assert.equal(unknown.errors?.[0]?.path, 'colour');
      const repeated = await problem(await call(app, 'GET', '/api/notes/1?upper=true&upper=false'));
      assert.equal(repeated.errors?.[0]?.path, 'upper');
    });

    it('refuses bodies that are not JSON, too large or invalid, saying where', async () => {
      const key = { key: 'k-validate-0001' };
      assert.equal((await call(app, 'POST', '/api/notes', { ...key, body: 'text=hi', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status, 415);
      const notJson = await call(app, 'POST', '/api/notes', { ...key, body: '{"text": "hi"', headers: { 'Content-Type': 'application/json' } });
      assert.equal(notJson.status, 400);
      assert.match((await problem(notJson)).detail ?? '', /JSON/);
      assert.equal((await call(app, 'POST', '/api/notes', { ...key, body: { text: 'x'.repeat(300) } })).status, 413);
      const invalid = await problem(await call(app, 'POST', '/api/notes', { ...key, body: { text: '', colour: 1 }, headers: { 'Accept-Language': 'en' } }));
      assert.equal(invalid.status, 422);
      assert.deepEqual(invalid.errors?.map((e) => e.path).sort(), ['colour', 'text']);
      const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
      const nested = await call(app, 'POST', '/api/notes', { ...key, body: `{"text":${deep}}`, headers: { 'Content-Type': 'application/json' } });
      assert.equal(nested.status, 413, 'too large for this endpoint first');
      const rsp = await call(app, 'POST', '/api/notes', { ...key, body: `{"text":${'['.repeat(40)}${']'.repeat(40)}}` });
      assert.equal(rsp.status, 400);
      assert.match((await problem(rsp)).detail ?? '', /32/);
      assert.equal(runs.count, 0, 'no handler ran');
    });

    it('needs an idempotency key, replays the first answer, refuses the key with another body', async () => {
      const before = runs.count;
      assert.equal((await call(app, 'POST', '/api/notes', { body: { text: 'a' } })).status, 400);
      assert.equal((await call(app, 'POST', '/api/notes', { body: { text: 'a' }, key: 'short' })).status, 400);
      const first = await call(app, 'POST', '/api/notes', { body: { text: 'une note' }, key: 'note-key-0001' });
      assert.equal(first.status, 201);
      const again = await call(app, 'POST', '/api/notes', { body: { text: 'une note' }, key: 'note-key-0001' });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(await again.json(), await first.json());
      const reused = await problem(await call(app, 'POST', '/api/notes', { body: { text: 'autre' }, key: 'note-key-0001' }));
      assert.equal(reused.status, 422);
      assert.equal(reused.type, 'https://rsp.example.fr/problems/idempotency-key-reused');
      assert.equal(runs.count, before + 1);
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM test_notes WHERE text = 'une note'");
      assert.equal(rows[0]?.n, 1);
    });

    it('runs concurrent requests with one key once', async () => {
      const before = runs.count;
      const answers = await Promise.all(Array.from({ length: 8 }, () => call(app, 'POST', '/api/notes', { body: { text: 'en même temps' }, key: 'note-key-race' })));
      const statuses = answers.map((r) => r.status);
      assert.ok(statuses.every((s) => s === 201 || s === 409), statuses.join());
      assert.equal(runs.count, before + 1);
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM test_notes WHERE text = 'en même temps'");
      assert.equal(rows[0]?.n, 1);
    });

    it('rolls back the writes and forgets the key when the handler fails, hiding the error', async () => {
      logged.length = 0;
      const res = await call(app, 'POST', '/api/notes', { body: { text: 'perdue', fail: true }, key: 'note-key-fail' });
      assert.equal(res.status, 500);
      const body = await problem(res);
      assert.doesNotMatch(JSON.stringify(body), /boom|at .*\.ts/);
      assert.equal(logged.length, 1);
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM test_notes WHERE text = 'perdue'");
      assert.equal(rows[0]?.n, 0);
      const keys = await db.query("SELECT 1 FROM idempotency_keys WHERE key = 'note-key-fail'");
      assert.equal(keys.length, 0);
    });

    it('checks tokens and roles: 401 without or with a bad token, 403 for another role', async () => {
      const none = await call(app, 'DELETE', '/api/notes/1');
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      assert.equal((await call(app, 'DELETE', '/api/notes/1', { token: 'rsp_not-a-real-token-at-all' })).status, 401);
      assert.equal((await call(app, 'GET', '/api/notes/1', { token: 'rsp_not-a-real-token-at-all' })).status, 401);
      const mediator = await tokenFor(db, 'mediator');
      const forbidden = await problem(await call(app, 'DELETE', '/api/notes/1', { token: mediator }));
      assert.equal(forbidden.status, 403);
      assert.match(forbidden.detail ?? '', /mediator/);
      assert.equal((await call(app, 'DELETE', '/api/notes/1', { token: await tokenFor(db, 'coordinator') })).status, 204);
    });

    it('answers 405 with Allow for a known path and another method, 404 for an unknown path', async () => {
      const res = await call(app, 'PUT', '/api/notes/1');
      assert.equal(res.status, 405);
      assert.equal(res.headers.get('allow'), 'GET, DELETE, HEAD');
      assert.equal((await call(app, 'GET', '/api/nothing-here')).status, 404);
    });

    it('answers 406 when the client accepts none of the endpoint’s formats', async () => {
      assert.equal((await call(app, 'GET', '/api/notes/1', { headers: { Accept: 'text/html' } })).status, 406);
    });
  });
}

describe('rate limits', () => {
  it('cuts one client at its burst with 429 and Retry-After, and refills over time', () => {
    let t = 0;
    const limiter = createRateLimiter({ read: { perSecond: 2, burst: 3 }, write: { perSecond: 1, burst: 1 } }, { now: () => t });
    assert.deepEqual([1, 2, 3].map(() => limiter.take('a', 'read').ok), [true, true, true]);
    const refused = limiter.take('a', 'read');
    assert.ok(!refused.ok);
    assert.ok(refused.retryAfterSeconds >= 1);
    assert.ok(limiter.take('b', 'read').ok, 'another client has its own bucket');
    t += 500;
    assert.ok(limiter.take('a', 'read').ok, 'one token back after 0.5 s at 2/s');
    assert.ok(limiter.take('a', 'write').ok);
    assert.ok(!limiter.take('a', 'write').ok, 'reads and writes are counted apart');
  });

  it('keeps memory bounded: refilled buckets are dropped when the map is full', () => {
    let t = 0;
    const limiter = createRateLimiter({ read: { perSecond: 10, burst: 1 }, write: { perSecond: 1, burst: 1 } }, { now: () => t, maxClients: 100 });
    for (let i = 0; i < 1000; i++) {
      t += 200;
      assert.ok(limiter.take(`client-${String(i)}`, 'read').ok);
    }
  });
});

describe('OpenAPI document', () => {
  it('describes paths, parameters, bodies, roles and problems from the schemas', () => {
    const doc = openApiDocument(toyEndpoints({ count: 0 }), { version: '1.2.3' }) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, unknown>; requestBody?: unknown; 'x-rsp-roles'?: string[] }>>;
    };
    assert.equal(doc.openapi, '3.1.0');
    const get = doc.paths['/api/notes/{id}']?.get;
    assert.deepEqual(get?.parameters.map((p) => `${p.in}:${p.name}`), ['path:id', 'query:upper']);
    const post = doc.paths['/api/notes']?.post;
    assert.ok(post?.requestBody);
    assert.ok(post.parameters.some((p) => p.name === 'Idempotency-Key'));
    assert.ok(['201', '400', '413', '415', '422', '429'].every((s) => s in post.responses));
    assert.deepEqual(doc.paths['/api/notes/{id}']?.delete?.['x-rsp-roles'], ['coordinator']);
  });
});
