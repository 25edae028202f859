import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../src/cli.js';
import { TokenRequestError, createToken, findToken, openDatabase, revokeToken } from '../src/db/index.js';

describe('bearer tokens', () => {
  it('stores only a hash, finds the grant by the token, and forgets it once revoked', async () => {
    const db = await openDatabase();
    try {
      const created = await createToken(db, { role: 'agent', agencyId: 'caf-46', label: 'Poste de Mme Delpech' });
      assert.match(created.token, /^rsp_[A-Za-z0-9_-]{43}$/);
      const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]?.token_hash, created.token);
      assert.ok(!JSON.stringify(stored).includes(created.token));
      assert.deepEqual(await findToken(db, created.token), { id: created.id, role: 'agent', agencyId: 'caf-46', label: 'Poste de Mme Delpech' });
      assert.equal(await findToken(db, `${created.token}x`), undefined);
      assert.equal(await revokeToken(db, created.id), true);
      assert.equal(await findToken(db, created.token), undefined);
      assert.equal(await revokeToken(db, created.id), false);
    } finally {
      await db.close();
    }
  });

  it('binds agents to an agency and mediators to a site, and knows the admin role', async () => {
    const db = await openDatabase();
    try {
      await assert.rejects(createToken(db, { role: 'agent' }), TokenRequestError);
      await assert.rejects(createToken(db, { role: 'mediator' }), /needs the site/);
      assert.equal((await createToken(db, { role: 'admin' })).role, 'admin');
      assert.equal((await createToken(db, { role: 'mediator', siteId: 'cb-46-1' })).siteId, 'cb-46-1');
    } finally {
      await db.close();
    }
  });

  it('rsp token create prints the token once and it works; bad roles are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-token-'));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const previous = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      assert.equal(await runCli(['token', 'create', '--role', 'agent', '--agency', 'CAF', '--data-dir', dir], io), 0);
      const token = /: (rsp_\S+)$/.exec(out[0] ?? '')?.[1] ?? '';
      assert.ok(token, out.join('\n'));
      const db = await openDatabase({ dataDir: dir });
      try {
        assert.equal((await findToken(db, token))?.agencyId, 'CAF');
      } finally {
        await db.close();
      }
      assert.equal(await runCli(['token', 'create', '--role', 'superuser', '--data-dir', dir], io), 2);
      assert.match(err.join('\n'), /--role must be one of mediator, agent, coordinator, admin; got "superuser"/);
      assert.equal(await runCli(['token', 'create', '--role', 'agent', '--data-dir', dir], io), 2);
      assert.match(err.join('\n'), /needs the agency/);
    } finally {
      if (previous !== undefined) process.env.DATABASE_URL = previous;
    }
  });
});
