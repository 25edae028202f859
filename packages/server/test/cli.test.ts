import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../src/cli.js';
import type { CommandIo } from '../src/commands/io.js';
import { version } from '../src/version.js';

/** Runs the command line, capturing what it prints. */
async function rsp(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rsp', () => {
  it('prints its version and its help', async () => {
    assert.deepEqual(await rsp('--version'), { code: 0, out: version, err: '' });
    const help = await rsp('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /rsp serve/);
  });

  it('says in one line that a command is unknown, with exit code 2', async () => {
    const result = await rsp('frobnicate');
    assert.equal(result.code, 2);
    assert.equal(result.err, 'rsp: unknown command "frobnicate". Run rsp --help for the commands.');
  });

  it('rejects a bad port or a malformed folder before starting anything', async () => {
    const port = await rsp('serve', '--port', '99999');
    assert.equal(port.code, 2);
    assert.match(port.err, /--port must be a whole number from 0 to 65535; got "99999"/);
    const folder = await rsp('serve', '--static', './examples');
    assert.equal(folder.code, 2);
    assert.match(folder.err, /PREFIX=FOLDER/);
    const option = await rsp('serve', '--colour', 'blue');
    assert.equal(option.code, 2);
    assert.match(option.err, /colour/);
  });
});

describe('rsp import, audit and hours', () => {
  const header =
    'id_fs,insee_dep,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,mail,telephone,h_lundi,h_mardi,h_mercredi,h_jeudi,h_vendredi,h_samedi,prise_rdv,commentaire,type_fs,format_fs,groupe_fs,labellisation_fs';
  const rows = [
    '"1","46","France services de Gourdon","20 boulevard des Martyrs",,"46127","46300","Gourdon",44.7375,1.3832,"gourdon@france-services.gouv.fr","05 65 41 00 00","09:00 - 12:00 / 14:00 - 17:00","09:00 - 12:00 / 14:00 - 17:00","09:00 - 12:00 / 14:00 - 17:00","09:00 - 12:00 / 14:00 - 17:00","09:00 - 12:00 / 14:00 - 17:00",,"Oui",,"Principal","Fixe",,"Espace labellisé 01/01/2020"',
    '"2","46","France services de Latronquière","Place de la mairie",,"46148","46210","Latronquière",44.8,2.07,,,"09:00 - 12:00","09:00 - 12:00 / 00:00 - 00:00",,"09:00 - 12:00",,,"Non",,"Principal","Fixe",,"Espace labellisé 01/07/2021"',
    '"3","46","",,,,"46100","Figeac",,,,,,,,,,,"Non",,"Principal","Fixe",,',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'rsp-cli-'));
  const csv = join(dir, 'liste-fs.csv');
  writeFileSync(csv, [header, ...rows].join('\n'));

  it('imports a France Services list, prints the quality report and writes the dataset', async () => {
    const out = join(dir, 'sites.json');
    const result = await rsp('import', csv, '--out', out, '--lang', 'en');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^liste-fs\.csv \(fs-csv\): 2 sites imported, 1 rows rejected; 1 errors, 1 warnings/);
    assert.match(result.out, /hours\.placeholder +1 +row 2, h_mardi/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as { sites: { id: string; openingHours?: string }[] };
    assert.deepEqual(written.sites.map((s) => [s.id, s.openingHours]), [
      ['fs-1', 'Mo-Fr 09:00-12:00,14:00-17:00'],
      ['fs-2', 'Mo,Tu,Th 09:00-12:00'],
    ]);
  });

  it('audits a file against a charter, per rule, as a table or as JSON', async () => {
    const table = await rsp('audit', csv, '--charter', 'rsp-2006', '--date', '2026-01-05', '--lang', 'en');
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /weekly-hours +1 +1 +0/);
    assert.match(table.out, /whole site +0 +1 +1/);
    const json = await rsp('audit', csv, '--charter', 'france-services-2019', '--date', '2026-01-05', '--json');
    const audit = JSON.parse(json.out) as { charter: string; sites: number; notMet: number; rules: Record<string, { met: number }>; results: { id: string; findings: { rule: string; status: string; reason: string }[] }[] };
    assert.equal(audit.charter, 'france-services-2019');
    assert.equal(audit.sites, 2);
    assert.equal(audit.rules['open-days']?.met, 1);
    assert.deepEqual(audit.results[1]?.findings[0], { rule: 'weekly-hours', status: 'not-met', reason: 'ouvert 9 h par semaine sur 3 jours ; la charte demande au moins 24 h' });
  });

  it('audits a dataset with its agencies and conventions', async () => {
    const dataset = join(dir, 'dataset.json');
    writeFileSync(dataset, JSON.stringify({
      sites: [{ id: 'cb-1', name: 'Cyber-base de Figeac', venueKind: 'cyber-base', address: { postcode: '46100', commune: 'Figeac' }, openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00', equipment: { broadbandComputers: 4 }, confidentialSpace: true }],
      agencies: [{ id: 'caf', name: 'CAF', sector: 'social' }, { id: 'ml', name: 'Mission Locale', sector: 'employment-training' }],
      conventions: [{ id: 'c1', siteId: 'cb-1', agencyId: 'caf' }, { id: 'c2', siteId: 'cb-1', agencyId: 'ml' }, { id: 'bad' }],
    }));
    const result = await rsp('audit', dataset, '--charter', 'rsp-2006', '--date', '2026-01-05', '--json');
    assert.equal(result.code, 0);
    assert.match(result.err, /^conventions\[2\] ignoré: siteId: est obligatoire/);
    assert.equal((JSON.parse(result.out) as { met: number }).met, 1);
  });

  it('fails with exit code 1 and one line when the file cannot be read', async () => {
    const missing = await rsp('import', join(dir, 'nope.csv'));
    assert.deepEqual([missing.code, missing.err], [1, `rsp import: cannot read ${join(dir, 'nope.csv')}: no such file.`]);
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"sites": [');
    const broken = await rsp('audit', notJson, '--charter', 'rsp-2006');
    assert.equal(broken.code, 1);
    assert.match(broken.err, /^rsp audit: cannot read .*broken\.json: not valid JSON/);
    const charter = await rsp('audit', csv, '--charter', 'msap-2015');
    assert.equal(charter.code, 2);
    assert.match(charter.err, /--charter must be one of rsp-2006, france-services-2019; got "msap-2015"/);
  });

  it('reads French hours text and OSM syntax', async () => {
    const french = await rsp('hours', 'Lundi au vendredi : 9:00 - 12:00 / 13:30 - 17:00', '--json');
    assert.equal(french.code, 0, french.err);
    const parsed = JSON.parse(french.out) as { osm: string; weeklyHours: number; openDays: number[]; source: string };
    assert.deepEqual([parsed.source, parsed.osm, parsed.weeklyHours, parsed.openDays], ['french', 'Mo-Fr 09:00-12:00,13:30-17:00', 32.5, [1, 2, 3, 4, 5]]);
    const osm = await rsp('hours', 'Tu,Th 09:00-12:00 "sur rendez-vous"', '--lang', 'en');
    assert.match(osm.out, /^OSM: Tu,Th 09:00-12:00 "sur rendez-vous"\ntypical week: 6 h, 6 h of them by appointment\nopen days \(2\): Tuesday, Thursday$/);
    const unreadable = await rsp('hours', 'le matin', '--lang', 'en');
    assert.equal(unreadable.code, 1);
    assert.match(unreadable.err, /^rsp hours: neither readable French nor OSM syntax \(position 0: /);
  });
});
