import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Health } from '@rsp/core/client.js';
import { createApp } from '../src/app.js';
import { runCli } from '../src/cli.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';

describe('loadConfig', () => {
  it('has safe defaults: this machine only, PGlite in .rsp-data, no other origin', () => {
    assert.deepEqual(loadConfig({ env: {} }), { port: 8080, host: '127.0.0.1', databaseUrl: undefined, dataDir: '.rsp-data', corsOrigins: [], iceServers: [] });
  });

  it('takes ICE servers for the video counter from the file, or RSP_ICE_SERVERS (JSON) over it', () => {
    const stun = { urls: 'stun:stun.lot.fr:3478' };
    const turn = { urls: ['turn:turn.lot.fr:3478', 'turns:turn.lot.fr:5349'], username: 'rsp', credential: 's3cret' };
    assert.deepEqual(loadConfig({ env: {}, file: { iceServers: [stun, turn] } }).iceServers, [{ urls: ['stun:stun.lot.fr:3478'] }, turn]);
    assert.deepEqual(loadConfig({ env: { RSP_ICE_SERVERS: JSON.stringify([turn]) }, file: { iceServers: [stun] } }).iceServers, [turn]);
    assert.deepEqual(loadConfig({ env: { RSP_ICE_SERVERS: '' } }).iceServers, []);
  });

  it('names each wrong ICE server setting', () => {
    const problems = (env: Record<string, string>, file?: unknown): string[] => {
      try {
        loadConfig({ env, file, fileName: 'rsp.json' });
        return [];
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.problems.map((p) => `${p.setting}: ${p.message}`);
      }
    };
    assert.deepEqual(problems({ RSP_ICE_SERVERS: 'stun:stun.lot.fr' }), ['RSP_ICE_SERVERS: must be JSON: an array such as [{"urls":"stun:stun.example.fr:3478"}]']);
    assert.deepEqual(problems({ RSP_ICE_SERVERS: '{"urls":"stun:x"}' }), ['RSP_ICE_SERVERS: must be an array of ICE servers such as [{"urls":"stun:stun.example.fr:3478"}]']);
    assert.deepEqual(problems({ RSP_ICE_SERVERS: '[{"urls":"https://stun.lot.fr"}]' }), [
      'RSP_ICE_SERVERS[0].urls[0]: must be a STUN or TURN URL such as stun:stun.example.fr:3478 or turns:turn.example.fr:5349',
    ]);
    assert.deepEqual(problems({ RSP_ICE_SERVERS: '[{"urls":"turn:turn.lot.fr"}]' }), ['RSP_ICE_SERVERS[0].username: a TURN server needs a username and a credential']);
    assert.deepEqual(problems({ RSP_ICE_SERVERS: '[{"urls":"stun:a","username":"u"}]' }), ['RSP_ICE_SERVERS[0].credential: give both username and credential, or neither']);
    assert.deepEqual(problems({}, { iceServers: [{ urls: [] }, { urls: 'stun:a', colour: 'blue' }] }), [
      'rsp.json: iceServers[0].urls: must list at least one URL',
      'rsp.json: iceServers[1]: Unrecognized key: "colour"',
    ]);
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

  it('answers its health with a database, as the client’s Health schema says (no extra field)', async () => {
    const database = await openDatabase();
    try {
      const res = await createApp({ database }).request('/api/health');
      assert.equal(Health.parse(await res.json()).status, 'ok');
    } finally {
      await database.close();
    }
  });
});
