import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Health, SiteList } from '@rsp/core/client.js';
import { findToken, loadCatalogRows, openDatabase } from '../src/db/index.js';
import type { Role } from '../src/db/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'packages', 'server', 'src', 'bin.ts');

/** What one `rsp serve --demo` start printed. */
interface Started {
  url: string;
  out: string;
  tokens: Map<Role, string>;
}

/** Starts `rsp serve --demo` in a child process, reads what it prints until its tokens, then stops it with SIGTERM. */
async function demoStart(dataDir: string, nationalList: string, check: (started: Started) => Promise<void> | void): Promise<Started> {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'PORT', 'RSP_PORT', 'RSP_HOST', 'RSP_DATA_DIR', 'RSP_CORS_ORIGINS']) Reflect.deleteProperty(env, name);
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', bin, 'serve', '--demo', '--port', '0', '--data-dir', dataDir, '--national-list', nationalList],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
      resolve(code);
    }));
  const ready = await new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (/^\s+admin\s+rsp_/m.test(out)) {
          clearInterval(poll);
          resolve(true);
        }
      }, 50);
      void exited.then(() => {
        clearInterval(poll);
        resolve(false);
      });
  });
  try {
    assert.ok(ready, `rsp serve --demo did not print its tokens.\nstdout:\n${out}\nstderr:\n${err}`);
    const url = /listening on (http:\/\/\S+\/)/.exec(out)?.[1] ?? '';
    const tokens = new Map<Role, string>();
    for (const match of out.matchAll(/^\s+(mediator|agent|coordinator|admin)\s+(rsp_[\w-]+)/gm)) tokens.set(match[1] as Role, match[2] ?? '');
    const started = { url, out, tokens };
    await check(started);
    return started;
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    assert.equal(code, 0, `rsp serve stopped with ${String(code)}\n${err}`);
  }
}

describe('rsp serve --demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rsp-demo-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = join(dir, 'data');
  // A small national list keeps the child quick; demo-seed.test.ts imports the real one.
  const list = join(dir, 'liste-fs.csv');
  writeFileSync(
    list,
    [
      'id_fs,insee_dep,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,mail,telephone,h_lundi,h_mardi,h_mercredi,h_jeudi,h_vendredi,h_samedi,prise_rdv,commentaire,type_fs,format_fs,groupe_fs,labellisation_fs',
      '"267","46","France services Gourdon","98 Avenue Gambetta",,"46127","46300","Gourdon",44.739162,1.389239,"gourdon@france-services.gouv.fr","05 65 41 95 50","14:00 - 17:00","09:00 - 12:30 / 14:00 - 17:00",,,,,"Non",,"Principal","Fixe",,"Espace labellisé 01/09/2020"',
      '"1376","46","France services d\'Assier","Rue de la Pierre Levée",,"46009","46320","Assier",44.671831,1.874355,,,"10:00 - 12:00",,,,,,"Oui",,"Principal","Fixe",,"Espace labellisé 01/10/2021"',
    ].join('\n'),
  );

  let first: Started | undefined;

  it('seeds, serves, and prints a URL and a token per role', async () => {
    first = await demoStart(dataDir, list, async ({ url, out, tokens }) => {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.match(out, /^demo data: networks 13 sites \(written\); national-list 2 sites \(written\); in \d+\.\d\d s$/m);
      assert.match(out, /0 previous demo tokens revoked/);
      assert.deepEqual([...tokens.keys()], ['mediator', 'agent', 'coordinator', 'admin']);
      const health = await fetch(`${url}api/health`);
      assert.equal(health.status, 200);
      Health.parse(await health.json());
      const sites = await fetch(`${url}api/sites?agency=caf`);
      assert.equal(sites.status, 200);
      const page = SiteList.parse(await sites.json());
      assert.equal(page.total, 9);
      assert.ok(page.items.some((i) => i.site.id === 'rsp-46-gourdon'));
    });
  });

  it('keeps its data over a restart, and revokes the previous demo tokens', async () => {
    assert.ok(first, 'the first start failed');
    const second = await demoStart(dataDir, list, ({ out, tokens }) => {
      assert.match(out, /^demo data: networks 13 sites \(already there\); national-list 2 sites \(already there\); in /m);
      assert.match(out, /4 previous demo tokens revoked/);
      assert.equal(tokens.size, 4);
    });
    const db = await openDatabase({ dataDir });
    try {
      assert.equal((await loadCatalogRows(db)).sites.length, 15);
      for (const token of first.tokens.values()) assert.equal(await findToken(db, token), undefined);
      const grants = await Promise.all([...second.tokens.values()].map((token) => findToken(db, token)));
      assert.deepEqual(
        grants.map((g) => g && { role: g.role, agencyId: g.agencyId, siteId: g.siteId, label: g.label }),
        [
          { role: 'mediator', agencyId: undefined, siteId: 'rsp-46-gourdon', label: 'demo' },
          { role: 'agent', agencyId: 'caf', siteId: undefined, label: 'demo' },
          { role: 'coordinator', agencyId: undefined, siteId: undefined, label: 'demo' },
          { role: 'admin', agencyId: undefined, siteId: undefined, label: 'demo' },
        ],
      );
    } finally {
      await db.close();
    }
  });

  it('says that --national-list goes with --demo, and when the list cannot be read', async () => {
    const { runCli } = await import('../src/cli.js');
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => err.push(t) };
    assert.equal(await runCli(['serve', '--national-list', list], io), 2);
    const missing = join(dir, 'nope.csv');
    assert.equal(await runCli(['serve', '--demo', '--port', '0', '--data-dir', join(dir, 'other'), '--national-list', missing], io), 1);
    assert.deepEqual(err, ['rsp serve: --national-list goes with --demo.', `rsp serve --demo: cannot read the national list ${missing}: no such file.`]);
  });
});
