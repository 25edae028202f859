import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GeocoderError, createGeoplateformeGeocoder, createTokenBucket, isGeocoderError, parseRetryAfter } from '../src/geo/index.js';
import type { GeoplateformeOptions } from '../src/geo/index.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'geo', name), 'utf8');

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;
let handler: Handler = (_req, res) => res.end();
let requests: { url: URL; at: number }[] = [];
let server: Server;
let baseUrl = '';

const json = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): ServerResponse =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(body);

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({ url, at: performance.now() });
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/geocodage`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  requests = [];
});

const geocoder = (options: GeoplateformeOptions = {}) => createGeoplateformeGeocoder({ baseUrl, ...options });

const rejectsWith = async (promise: Promise<unknown>, kind: GeocoderError['kind']): Promise<GeocoderError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(isGeocoderError(error), `expected a GeocoderError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.equal(error.name, 'GeocoderError');
    return error;
  }
  assert.fail('expected a rejection');
};

describe('Géoplateforme geocoder', () => {
  it('searches and maps the GeoJSON answer to results', async () => {
    handler = (_req, res) => json(res, 200, fixture('search-gourdon.json'));
    const results = await geocoder().search('mairie gourdon', { limit: 3, postcode: '46300', near: { lat: 44.7, lon: 1.4 } });
    assert.equal(requests.at(0)?.url.pathname, '/geocodage/search');
    const params = Object.fromEntries(requests.at(0)?.url.searchParams ?? []);
    assert.deepEqual(params, { q: 'mairie gourdon', index: 'address', limit: '3', postcode: '46300', lat: '44.7', lon: '1.4' });
    assert.deepEqual(results, [
      { label: 'Place de la Mairie 46300 Gourdon', point: { lat: 44.737201, lon: 1.383012 }, kind: 'street', score: 0.8731, postcode: '46300', inseeCode: '46127', commune: 'Gourdon' },
      { label: 'Gourdon', point: { lat: 44.737552, lon: 1.382791 }, kind: 'municipality', score: 0.6112, postcode: '46300', inseeCode: '46127', commune: 'Gourdon' },
    ]);
  });

  it('reverse-geocodes a point', async () => {
    handler = (_req, res) => json(res, 200, fixture('reverse-gourdon.json'));
    const [result] = await geocoder().reverse({ lat: 44.7373, lon: 1.3831 }, { limit: 1 });
    assert.equal(requests.at(0)?.url.pathname, '/geocodage/reverse');
    assert.equal(requests.at(0)?.url.searchParams.get('lat'), '44.7373');
    assert.equal(requests.at(0)?.url.searchParams.get('lon'), '1.3831');
    assert.equal(result?.label, '2 Place de la Mairie 46300 Gourdon');
    assert.equal(result.kind, 'housenumber');
  });

  it('completes a partly typed text', async () => {
    handler = (_req, res) => json(res, 200, fixture('completion-gourdon.json'));
    const results = await geocoder().complete('gourdon', { limit: 2 });
    assert.equal(requests.at(0)?.url.pathname, '/geocodage/completion');
    assert.equal(requests.at(0)?.url.searchParams.get('text'), 'gourdon');
    assert.equal(requests.at(0)?.url.searchParams.get('maximumResponses'), '2');
    assert.deepEqual(results, [
      { label: 'Gourdon, 46300 Gourdon', point: { lat: 44.7373, lon: 1.383 }, kind: 'municipality', score: 1, postcode: '46300', commune: 'Gourdon' },
      { label: '2 Place de la Mairie, 46300 Gourdon', point: { lat: 44.73735, lon: 1.38311 }, kind: 'housenumber', score: 0.5, postcode: '46300', commune: 'Gourdon' },
    ]);
  });

  it('reports a 400 with the service’s message, without retrying', async () => {
    handler = (_req, res) => json(res, 400, fixture('error-400.json'));
    const error = await rejectsWith(geocoder().search('a'), 'http');
    assert.equal(error.status, 400);
    assert.match(error.message, /Some params are invalid/);
    assert.ok(error instanceof GeocoderError);
    assert.equal(requests.length, 1);
  });

  it('reports a 500 as an http error', async () => {
    handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>Internal Server Error</h1>');
    };
    const error = await rejectsWith(geocoder().reverse({ lat: 45, lon: 4 }), 'http');
    assert.equal(error.status, 500);
  });

  it('reports malformed JSON and an unexpected shape as invalid-response', async () => {
    handler = (_req, res) => json(res, 200, '{"type":"FeatureCollection","features":[');
    await rejectsWith(geocoder().search('gourdon'), 'invalid-response');
    handler = (_req, res) => json(res, 200, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1.38] }, properties: { label: 'x', score: 1 } }] }));
    await rejectsWith(geocoder().search('gourdon'), 'invalid-response');
    handler = (_req, res) => json(res, 200, JSON.stringify({ status: 'OK', results: [{ fulltext: 'Gourdon', x: 'a', y: 44 }] }));
    await rejectsWith(geocoder().complete('gourdon'), 'invalid-response');
  });

  it('times out on a slow answer', async () => {
    handler = (_req, res) => {
      setTimeout(() => {
        if (!res.destroyed) json(res, 200, fixture('search-gourdon.json'));
      }, 2000).unref();
    };
    const start = performance.now();
    await rejectsWith(geocoder({ timeoutMs: 150 }).search('gourdon'), 'timeout');
    assert.ok(performance.now() - start < 1500);
  });

  it('waits what Retry-After asks on a 429, then succeeds', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls++;
      if (calls === 1) json(res, 429, '{"code":429,"message":"Too Many Requests"}', { 'retry-after': '1' });
      else json(res, 200, fixture('search-gourdon.json'));
    };
    const results = await geocoder().search('gourdon');
    assert.equal(results.length, 2);
    assert.equal(requests.length, 2);
    const gap = (requests.at(1)?.at ?? 0) - (requests.at(0)?.at ?? 0);
    assert.ok(gap >= 950, `retried after ${String(gap)} ms`);
  });

  it('fails as rate-limited when 429 persists, and at once when Retry-After is too long', async () => {
    handler = (_req, res) => json(res, 429, '{"code":429,"message":"Too Many Requests"}', { 'retry-after': '0' });
    const persisting = await rejectsWith(geocoder({ retries: 2 }).search('gourdon'), 'rate-limited');
    assert.equal(persisting.status, 429);
    assert.equal(persisting.retryAfterMs, 0);
    assert.equal(requests.length, 3);
    requests = [];
    handler = (_req, res) => json(res, 429, '{}', { 'retry-after': '3600' });
    const long = await rejectsWith(geocoder({ maxRetryAfterMs: 5000 }).search('gourdon'), 'rate-limited');
    assert.equal(long.retryAfterMs, 3_600_000);
    assert.equal(requests.length, 1);
  });

  it('reports an unreachable service as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => { resolve(); }));
    await rejectsWith(createGeoplateformeGeocoder({ baseUrl: `http://127.0.0.1:${String(port)}/geocodage`, retries: 0 }).search('gourdon'), 'network');
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = geocoder().search('gourdon', { signal: controller.signal });
    setTimeout(() => { controller.abort(); }, 50);
    await assert.rejects(pending, (error: unknown) => error instanceof Error && error.name === 'AbortError' && !isGeocoderError(error));
    server.closeAllConnections();
    await assert.rejects(geocoder().search('gourdon', { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });

  it('spaces completion calls to the configured rate', async () => {
    handler = (_req, res) => json(res, 200, fixture('completion-gourdon.json'));
    const g = geocoder({ completionRatePerSecond: 20 });
    await Promise.all(Array.from({ length: 30 }, () => g.complete('gourdon')));
    assert.equal(requests.length, 30);
    const span = (requests.at(-1)?.at ?? 0) - (requests.at(0)?.at ?? 0);
    assert.ok(span >= 400, `30 calls at 20/s (burst 20) took ${String(span)} ms`);
  });
});

describe('createTokenBucket', () => {
  it('lets the burst through at once, then one token per 1/rate s, in order', async () => {
    const bucket = createTokenBucket({ ratePerSecond: 50, burst: 2 });
    const order: number[] = [];
    const start = performance.now();
    await Promise.all([0, 1, 2, 3, 4].map(async (i) => { await bucket.take(); order.push(i); }));
    const elapsed = performance.now() - start;
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.ok(elapsed >= 55 && elapsed < 500, `took ${String(elapsed)} ms`);
  });

  it('gives the token back when a waiting caller aborts', async () => {
    let now = 0;
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 1, now: () => now });
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    now = 1000;
    const late = new Promise((resolve) => setTimeout(resolve, 200, 'late'));
    assert.equal(await Promise.race([bucket.take().then(() => 'at once'), late]), 'at once');
  });

  it('refuses a rate that is not positive', () => {
    assert.throws(() => createTokenBucket({ ratePerSecond: 0 }), RangeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('2'), 2000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
