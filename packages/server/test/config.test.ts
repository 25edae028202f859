import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../src/app.js';
import { runCli } from '../src/cli.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';

describe('loadConfig', () => {
  it('has safe defaults: this machine only, PGlite in .rsp-data, no other origin', () => {
    assert.deepEqual(loadConfig({ env: {} }), { port: 8080, host: '127.0.0.1', databaseUrl: undefined, dataDir: '.rsp-data', corsOrigins: [] });
  });

  it('takes the file, then the environment over it', () => {
    const config = loadConfig({
      env: { RSP_PORT: '9000', RSP_CORS_ORIGINS: 'https://www.lot.fr, https://www.ardeche.fr' },
      file: { port: 8081, host: '0.0.0.0', dataDir: '/var/lib/rsp' },
    });
    assert.equal(config.port, 9000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.dataDir, '/var/lib/rsp');
    assert.deepEqual(config.corsOrigins, ['https://www.lot.fr', 'https://www.ardeche.fr']);
  });

  it('names every wrong setting at once, as the user wrote it', () => {
    try {
      loadConfig({
        env: { RSP_PORT: 'eighty', DATABASE_URL: 'mysql://db/rsp', RSP_CORS_ORIGINS: 'https://www.lot.fr,www.ardeche.fr/portail' },
        file: { port: 99999, colour: 'blue', corsOrigins: ['https://ok.fr', 'ftp://x'] },
        fileName: 'rsp.json',
      });
      assert.fail('should have thrown');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual(error.problems.map((p) => p.setting), [
        'rsp.json: port',
        'rsp.json: corsOrigins[1]',
        'rsp.json: colour',
        'RSP_PORT',
        'DATABASE_URL',
        'RSP_CORS_ORIGINS',
      ]);
      assert.match(error.message, /RSP_PORT: must be a whole number from 0 to 65535 \(got "eighty"\)/);
      assert.match(error.message, /RSP_CORS_ORIGINS: "www\.ardeche\.fr\/portail" is not an origin/);
    }
  });
});

describe('rsp serve configuration', () => {
  it('refuses to start with a wrong setting, naming it, exit code 2', async () => {
    const err: string[] = [];
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'mysql://db/rsp';
    try {
      const code = await runCli(['serve', '--port', '0'], { out: () => undefined, err: (t) => err.push(t) });
      assert.equal(code, 2);
      assert.match(err.join('\n'), /DATABASE_URL: must be a PostgreSQL URL/);
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });
});

describe('API origin and database', () => {
  it('answers browsers of allowed origins only (CORS allow-list)', async () => {
    const app = createApp({ corsOrigins: ['https://www.lot.fr'] });
    const allowed = await app.request('/api/health', { headers: { Origin: 'https://www.lot.fr' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.lot.fr');
    const other = await app.request('/api/health', { headers: { Origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const preflight = await app.request('/api/bookings', {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.lot.fr', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'Idempotency-Key' },
    });
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
  });

  it('reports the database engine in its health', async () => {
    const database = await openDatabase();
    try {
      const res = await createApp({ database }).request('/api/health');
      assert.equal(((await res.json()) as { database: string }).database, 'pglite');
    } finally {
      await database.close();
    }
  });
});
