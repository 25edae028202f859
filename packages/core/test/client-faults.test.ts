import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import {
  ApiError,
  HttpError,
  ResponseValidationError,
  createClient,
  isHttpError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
} from '../src/client/index.js';
import type { ClientOptions } from '../src/client/index.js';
import type { Handler, TestServer } from './fixtures/client/server.js';
import { fixture, json, problem, startServer } from './fixtures/client/server.js';

const site = fixture('site.json');
const booking = fixture('booking.json');
const request = {
  agencyId: 'caf-46',
  motifId: 'caf-46-rsa',
  siteId: 'fs-46-001',
  channel: 'visio',
  start: '2026-12-01T09:30:00+01:00',
  end: '2026-12-01T10:00:00+01:00',
  person: { name: 'Camille Martin', email: 'camille@example.fr' },
} as const;
const confirmation = { booking, token: 'tok_0123456789abcdef', icsUrl: '/api/bookings/tok_0123456789abcdef.ics' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, options: Partial<ClientOptions> = {}) {
  server = await startServer(handler);
  return { api: createClient({ baseUrl: server.baseUrl, retryDelay: () => 5, ...options }), requests: server.requests };
}

/** What a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('API client: HTTP errors', () => {
  it('turns a 409 problem into an HttpError with the server’s words and fields', async () => {
    const { api } = await serve((_req, res) =>
      problem(res, 409, {
        type: 'https://rsp.example.fr/problems/slot-taken',
        title: 'Créneau déjà pris',
        detail: 'Ce créneau vient d’être réservé. Choisissez-en un autre.',
        instance: '/api/bookings',
        errors: [{ path: 'start', message: 'n’est plus libre' }],
      }),
    );
    const error = await rejection(api.book(request));
    assert.ok(error instanceof HttpError);
    assert.ok(error instanceof ApiError);
    assert.ok(isHttpError(error, 409));
    assert.equal(isHttpError(error, 500), false);
    assert.equal(error.kind, 'http');
    assert.ok(error.problem);
    assert.equal(error.problem.type, 'https://rsp.example.fr/problems/slot-taken');
    assert.equal(error.problem.title, 'Créneau déjà pris');
    assert.deepEqual(error.problem.errors, [{ path: 'start', message: 'n’est plus libre' }]);
    assert.match(error.message, /^POST \/api\/bookings: HTTP 409 Créneau déjà pris: Ce créneau/);
  });

  it('keeps the start of an HTML error page when the body is not a problem', async () => {
    const { api, requests } = await serve((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
    });
    const error = await rejection(api.partners());
    assert.ok(isHttpError(error, 500));
    assert.equal(error.problem, undefined);
    assert.match(error.body ?? '', /<h1>500 Internal Server Error<\/h1>/);
    // A GET is retried on 500: one call and two retries.
    assert.equal(requests.length, 3);
  });

  it('keeps a JSON error body that is not a problem as text', async () => {
    const { api } = await serve((_req, res) => json(res, 404, { error: 'no such route' }));
    const error = await rejection(api.health());
    assert.ok(isHttpError(error, 404));
    assert.equal(error.problem, undefined);
    assert.equal(error.body, '{"error":"no such route"}');
  });
});

describe('API client: retries', () => {
  it('retries a GET on 503 and returns the answer of the retry', async () => {
    const { api, requests } = await serve((_req, res, count) => {
      if (count === 0) problem(res, 503, { title: 'Maintenance' });
      else json(res, 200, { items: [] });
    });
    assert.deepEqual(await api.partners(), []);
    assert.equal(requests.length, 2);
  });

  it('retries a POST with the same Idempotency-Key, so the server can answer the first booking again', async () => {
    const byKey = new Map<string, number>();
    const { api, requests } = await serve((req, res, count) => {
      const key = String(req.headers['idempotency-key']);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
      // The first attempt is booked, but its answer is lost in a gateway.
      if (count === 0) problem(res, 502, { title: 'Bad gateway' });
      else json(res, 201, confirmation);
    });
    const answer = await api.book(request);
    assert.equal(answer.token, confirmation.token);
    assert.equal(requests.length, 2);
    assert.equal(byKey.size, 1, 'both attempts carry one key');
    assert.equal([...byKey.values()][0], 2);
  });

  it('sends the caller’s idempotency key, and a new one for each call otherwise', async () => {
    const { api, requests } = await serve((_req, res) => json(res, 201, confirmation));
    await api.book(request, { idempotencyKey: 'ui-attempt-7f3a' });
    await api.book(request);
    await api.book(request);
    assert.equal(requests[0]?.headers['idempotency-key'], 'ui-attempt-7f3a');
    assert.notEqual(requests[1]?.headers['idempotency-key'], requests[2]?.headers['idempotency-key']);
  });

  it('never retries a POST sent without a key', async () => {
    const { api, requests } = await serve((_req, res) => problem(res, 503, { title: 'Maintenance' }));
    const error = await rejection(api.book(request, { idempotencyKey: false }));
    assert.ok(isHttpError(error, 503));
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.headers['idempotency-key'], undefined);
  });

  it('does not retry a POST on 500, nor any call on 409', async () => {
    const { api, requests } = await serve((req, res) => problem(res, req.path === '/api/bookings' ? 500 : 409, { title: 'x' }));
    assert.ok(isHttpError(await rejection(api.book(request)), 500));
    assert.equal(requests.length, 1);
    assert.ok(isHttpError(await rejection(api.partners()), 409));
    assert.equal(requests.length, 2);
  });

  it('stops retrying after `retries` attempts', async () => {
    const { api, requests } = await serve((_req, res) => problem(res, 503, { title: 'Maintenance' }), { retries: 4 });
    assert.ok(isHttpError(await rejection(api.health()), 503));
    assert.equal(requests.length, 5);
  });
});

describe('API client: no answer', () => {
  it('gives a TimeoutError when the server does not answer in time', async () => {
    const { api, requests } = await serve(() => undefined, { timeoutMs: 80, retries: 1 });
    const started = Date.now();
    const error = await rejection(api.health());
    assert.ok(isTimeoutError(error), String(error));
    assert.equal(error.timeoutMs, 80);
    assert.equal(requests.length, 2, 'a GET is retried after a timeout');
    assert.ok(Date.now() - started < 2000);
  });

  it('gives a TimeoutError when the body stalls after the headers', async () => {
    const { api } = await serve(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items": [');
      },
      { timeoutMs: 100, retries: 0 },
    );
    assert.ok(isTimeoutError(await rejection(api.partners())));
  });

  it('gives a NetworkError when the connection is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      closed.close(() => {
        resolve();
      });
    });
    const api = createClient({ baseUrl: `http://127.0.0.1:${String(port)}/`, retries: 1, retryDelay: () => 5 });
    const error = await rejection(api.health());
    assert.ok(isNetworkError(error), String(error));
    assert.equal(error.kind, 'network');
    assert.equal(error.path, '/api/health');
  });

  it('rejects with the signal’s reason when aborted, without retrying', async () => {
    const controller = new AbortController();
    // The server never answers; the user leaves once the request has arrived.
    const { api, requests } = await serve(() => {
      controller.abort();
    }, { timeoutMs: 5000 });
    const error = await rejection(api.partners({ signal: controller.signal }));
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'AbortError');
    assert.equal(isNetworkError(error) || isTimeoutError(error), false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(requests.length, 1);
  });

  it('does not send a request whose signal is already aborted', async () => {
    const { api, requests } = await serve((_req, res) => json(res, 200, { items: [] }));
    const error = await rejection(api.partners({ signal: AbortSignal.abort(new Error('left the page')) }));
    assert.equal((error as Error).message, 'left the page');
    assert.equal(requests.length, 0);
  });
});

describe('API client: answers that break the contract', () => {
  it('says when a body is not JSON', async () => {
    const { api } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items": [');
    });
    const error = await rejection(api.partners());
    assert.ok(isResponseValidationError(error));
    assert.equal(error.issues[0]?.code, 'rsp.json');
    assert.match(error.message, /^GET \/api\/partners: unexpected answer: la réponse n’est pas du JSON valide$/);
  });

  it('names the path of a field that fails the schema, in the client’s language', async () => {
    const { api } = await serve((_req, res) =>
      json(res, 200, { total: 1, items: [{ site: { ...site, address: { postcode: '4650', commune: 'Gramat' } } }] }),
    );
    const error = await rejection(createClient({ baseUrl: server?.baseUrl ?? '', locale: 'en' }).sites());
    assert.ok(error instanceof ResponseValidationError);
    assert.deepEqual(
      error.issues.map((i) => i.path),
      ['items[0].site.address.postcode'],
    );
    assert.match(error.message, /items\[0\]\.site\.address\.postcode: must be a 5-digit postcode/);
    // The same in French by default.
    const fr = await rejection(api.sites());
    assert.match((fr as Error).message, /items\[0\]\.site\.address\.postcode: doit être un code postal/);
  });

  it('rejects a field the contract does not have', async () => {
    const { api } = await serve((_req, res) => json(res, 200, { ticketId: 't-1', peerId: 'p', position: 0, estimatedWaitMinutes: 0, extra: 1 }));
    const error = await rejection(api.requestVisio({ siteId: 'fs-46-001', agencyId: 'caf-46' }));
    assert.ok(isResponseValidationError(error));
    assert.equal(error.issues[0]?.path, 'extra');
  });

  it('rejects a calendar answer that is not an iCalendar file', async () => {
    const { api } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    const error = await rejection(api.bookingIcs('tok_0123456789abcdef'));
    assert.ok(isResponseValidationError(error));
    assert.equal(error.issues[0]?.code, 'rsp.ics');
  });
});

describe('API client: error guards', () => {
  it('recognise errors from another copy of the library by their fields', () => {
    const foreign = Object.assign(new Error('POST /api/bookings: HTTP 409'), { name: 'HttpError', kind: 'http', method: 'POST', path: '/api/bookings', status: 409 });
    assert.ok(isHttpError(foreign, 409));
    assert.equal(isHttpError(new Error('HTTP 409')), false);
    assert.equal(isTimeoutError(Object.assign(new Error('x'), { name: 'TimeoutError' })), false, 'a DOMException-like TimeoutError is not ours');
  });
});
