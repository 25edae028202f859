import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/index.js';
import type { Database } from '../src/db/index.js';
import { parseMount } from '../src/mounts.js';
import { startServer } from '../src/start.js';
import type { RunningServer } from '../src/start.js';
import { version } from '../src/version.js';

const site = mkdtempSync(join(tmpdir(), 'rsp-server-test-'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>Portail</title>');
mkdirSync(join(site, 'storybook'));
writeFileSync(join(site, 'storybook', 'index.html'), '<!doctype html><title>Storybook</title>');
writeFileSync(join(tmpdir(), 'rsp-secret.txt'), 'not for the web');

const app = createApp({
  mounts: [
    { prefix: '/', root: site },
    { prefix: '/storybook/', root: join(site, 'storybook'), strictCsp: false },
  ],
});

describe('API', () => {
  it('is off, with a problem document that says why, when the server has no database', async () => {
    const res = await app.request('/api/health');
    assert.equal(res.status, 503);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.match(((await res.json()) as { detail: string }).detail, /without a database/);
  });

  it('reports its health, version and time with a database', async () => {
    const db = await openDatabase();
    try {
      const res = await createApp({ database: db }).request('/api/health');
      assert.equal(res.status, 200);
      const body = (await res.json()) as { status: string; version: string; time: string };
      assert.deepEqual({ status: body.status, version: body.version }, { status: 'ok', version });
      assert.ok(Math.abs(Date.parse(body.time) - Date.now()) < 60_000);
    } finally {
      await db.close();
    }
  });

  it('answers an unknown endpoint with a problem document that names the path', async () => {
    const db = await openDatabase();
    try {
      const res = await createApp({ database: db }).request('/api/nope?x=1');
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = (await res.json()) as { detail: string; instance: string };
      assert.equal(body.instance, '/api/nope');
      assert.match(body.detail, /\/api\/nope/);
    } finally {
      await db.close();
    }
  });

  it('sends the security headers with every answer', async () => {
    const res = await app.request('/api/health');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('referrer-policy'));
  });
});

describe('static folders', () => {
  it('serves pages under the strict Content-Security-Policy', async () => {
    const res = await app.request('/');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Portail/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  it('serves Storybook without that policy, under its own prefix', async () => {
    const res = await app.request('/storybook/');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Storybook/);
    assert.equal(res.headers.get('content-security-policy'), null);
    const redirect = await app.request('/storybook');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/storybook/');
  });

  it('never serves a file outside the folder', async () => {
    for (const path of ['/../rsp-secret.txt', '/..%2frsp-secret.txt', '/%2e%2e/rsp-secret.txt', '/storybook/../../rsp-secret.txt']) {
      const res = await app.request(path);
      assert.doesNotMatch(await res.text(), /not for the web/, path);
    }
  });

  it('rejects a mount prefix without slashes', () => {
    assert.throws(() => createApp({ mounts: [{ prefix: 'x', root: site }] }), /must start and end with "\/"/);
  });
});

describe('parseMount', () => {
  it('reads PREFIX=FOLDER and normalises the prefix', () => {
    const mount = parseMount('docs=./site', true);
    assert.equal(mount.prefix, '/docs/');
    assert.ok(mount.root.endsWith('site'));
  });

  it('says what it expected when the value is malformed', () => {
    assert.throws(() => parseMount('./examples', true), /PREFIX=FOLDER/);
    assert.throws(() => parseMount('/=', true), /PREFIX=FOLDER/);
  });
});

describe('startServer', () => {
  let server: RunningServer;
  let db: Database;
  before(async () => {
    db = await openDatabase();
    server = await startServer({ port: 0, mounts: [{ prefix: '/', root: site }], database: db });
  });
  after(async () => {
    await server.close();
    await db.close();
  });

  it('listens on loopback and answers over HTTP', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(new URL('api/health', server.url));
    assert.equal(res.status, 200);
    const page = await fetch(server.url);
    assert.match(await page.text(), /Portail/);
  });
});
