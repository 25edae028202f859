import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@rsp/core/client.js';
import { openDatabase } from '../src/db/index.js';
import type { Database } from '../src/db/index.js';
import { endpoints } from '../src/routes/index.js';
import { startServer } from '../src/start.js';
import type { RunningServer } from '../src/start.js';

const apiDoc = readFileSync(join(import.meta.dirname, '../../../docs/api.md'), 'utf8');

/** `GET /api/bookings/{token}.ics` as written in the docs' tables. */
const documented = new Set([...apiDoc.matchAll(/`(GET|POST|DELETE) (\/api\/[^`?\s]*)/g)].map((m) => `${m[1] ?? ''} ${m[2] ?? ''}`));

describe('the API and its contract (docs/api.md)', () => {
  it('documents every endpoint the server has', () => {
    const missing = endpoints.map((e) => `${e.method} ${e.path}`).filter((e) => !documented.has(e));
    assert.deepEqual(missing, [], 'endpoints missing from docs/api.md');
  });

  it('has every endpoint the contract documents', () => {
    const served = new Set(endpoints.map((e) => `${e.method} ${e.path}`));
    assert.deepEqual(
      [...documented].filter((e) => !served.has(e)),
      [],
      'documented endpoints the server lacks',
    );
  });

  it('declares no endpoint twice', () => {
    const keys = endpoints.map((e) => `${e.method} ${e.path}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('OpenAPI document over HTTP', () => {
  let db: Database;
  let server: RunningServer;
  before(async () => {
    db = await openDatabase();
    server = await startServer({ port: 0, database: db });
  });
  after(async () => {
    await server.close();
    await db.close();
  });

  it('lists every endpoint with its roles, and the typed client reads it', async () => {
    const api = createClient({ baseUrl: server.url });
    const doc = (await api.openApi()) as unknown as { openapi: string; paths: Record<string, Record<string, { security: unknown[]; 'x-rsp-roles'?: string[] }>> };
    assert.equal(doc.openapi, '3.1.0');
    for (const e of endpoints) {
      const operation = doc.paths[e.path]?.[e.method.toLowerCase()];
      assert.ok(operation, `${e.method} ${e.path} in the document`);
      assert.deepEqual(operation['x-rsp-roles'], e.roles ? [...e.roles] : undefined, `${e.method} ${e.path} roles`);
    }
    const health = await api.health();
    assert.equal(health.status, 'ok');
  });
});
