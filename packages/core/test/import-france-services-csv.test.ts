import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseOpeningHours, serializeOpeningHours } from '../src/hours/index.js';
import { importFranceServicesCsv } from '../src/import/index.js';
import type { ImportResult } from '../src/import/index.js';
import { Site, validate } from '../src/schemas/index.js';

const sample = readFileSync(new URL('./fixtures/import/france-services-2024-08-01.sample.csv', import.meta.url), 'utf8');

/** The issues as `[row, field, severity, code]`. */
const brief = (result: ImportResult): [number, string, string, string][] => result.issues.map((i) => [i.row, i.field, i.severity, i.code]);

/** Every data row gave a site or an error issue: nothing silently dropped. */
function assertNothingDropped(result: ImportResult, rows: number): void {
  for (let row = 1; row <= rows; row++) {
    const site = result.sites.some((s) => s.source?.row === row);
    const error = result.issues.some((i) => i.row === row && i.severity === 'error');
    const blank = result.issues.some((i) => i.row === row && i.code === 'csv.blank');
    assert.ok(site !== (error || blank), `row ${row}: ${site ? 'a site and an error' : 'neither a site nor an error'}`);
  }
}

/** The one site of a one-row import. */
function only(result: ImportResult): Site {
  assert.equal(result.sites.length, 1);
  return result.sites[0]!;
}

const byId = (result: ImportResult, id: string) => {
  const site = result.sites.find((s) => s.id === id);
  assert.ok(site, `no site ${id}`);
  return site;
};

describe('importFranceServicesCsv on 36 real rows of the 2024 list', () => {
  const result = importFranceServicesCsv(sample, { dataset: 'france-services-2024-08-01' });

  it('gives one valid site per row', () => {
    assert.equal(result.sites.length, 36);
    for (const site of result.sites) assert.ok(validate(Site, site).success, site.id);
    assertNothingDropped(result, 36);
  });

  it('reports each oddity at its row and column, and nothing else', () => {
    assert.deepEqual(brief(result), [
      [6, 'h_mercredi', 'warning', 'hours.placeholder'],
      [7, 'h_vendredi', 'warning', 'hours.placeholder'],
      [9, 'h_mardi', 'warning', 'hours.overlap'],
      [15, 'h_lundi', 'info', 'hours.unknown'],
      [16, 'h_lundi', 'warning', 'hours.overlap'],
      [16, 'h_mardi', 'warning', 'hours.overlap'],
      [16, 'h_mercredi', 'warning', 'hours.overlap'],
      [16, 'h_jeudi', 'warning', 'hours.overlap'],
      [16, 'h_vendredi', 'warning', 'hours.overlap'],
      [20, 'h_lundi', 'info', 'hours.unknown'],
      [23, 'mail', 'warning', 'email.several'],
      [24, 'h_lundi', 'warning', 'hours.placeholder'],
      [24, 'h_mardi', 'warning', 'hours.placeholder'],
      [24, 'h_jeudi', 'warning', 'hours.placeholder'],
      [24, 'h_vendredi', 'warning', 'hours.placeholder'],
      [27, 'h_lundi', 'info', 'hours.unknown'],
      [28, 'h_lundi', 'warning', 'hours.placeholder'],
      [28, 'h_mardi', 'warning', 'hours.placeholder'],
      [28, 'h_mercredi', 'warning', 'hours.placeholder'],
      [28, 'h_jeudi', 'warning', 'hours.placeholder'],
      [28, 'h_vendredi', 'warning', 'hours.placeholder'],
      [28, 'h_samedi', 'warning', 'hours.placeholder'],
      [31, 'h_lundi', 'warning', 'hours.overlap'],
      [31, 'h_mardi', 'warning', 'hours.overlap'],
      [31, 'h_mercredi', 'warning', 'hours.overlap'],
      [31, 'h_jeudi', 'warning', 'hours.overlap'],
      [32, 'h_lundi', 'warning', 'hours.placeholder'],
      [33, 'h_lundi', 'info', 'hours.unknown'],
      [35, 'h_lundi', 'info', 'hours.unknown'],
      [18, 'lib_fs', 'info', 'parent.by-name'],
      [33, 'lib_fs', 'info', 'parent.by-name'],
      [34, 'groupe_fs', 'info', 'parent.unknown'],
    ]);
    const overlap = result.issues.find((i) => i.row === 9);
    assert.ok(overlap);
    assert.equal(overlap.value, '09:00 - 12:00 / 09:00 - 16:30 / 14:00 - 16:30');
    assert.equal(overlap.message, 'Repeated, overlapping or touching ranges are merged: 09:00 - 16:30.');
    assert.equal(overlap.messageFr, 'Des plages répétées, qui se chevauchent ou se touchent sont fusionnées\u00a0: 09:00 - 16:30.');
  });

  it('writes the hours in OSM syntax, days with the same hours grouped', () => {
    const hours = (id: string) => byId(result, id).openingHours;
    // An empty Saturday among filled days: closed that day.
    assert.equal(hours('fs-1'), 'Mo 13:30-17:00; Tu-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00');
    assert.equal(hours('fs-2'), 'Tu-Fr 09:00-12:00,14:00-16:30; Sa 09:00-12:00');
    // "09:00 - 12:00 / 09:00 - 16:30 / 14:00 - 16:30" on Tuesday.
    assert.equal(hours('fs-114'), 'Mo,We-Fr 09:00-12:00,14:00-16:30; Tu 09:00-16:30; Sa 09:00-12:00');
    // "09:00 - 11:00 / 11:00 - 12:00 / 13:30 - 17:00": touching ranges joined.
    assert.equal(hours('fs-292'), 'Mo,Tu,Th,Fr 09:00-12:00,13:30-17:00; We 09:00-12:00');
    // "00:00 - 00:00 / 09:00 - 12:00 / 14:00 - 17:00" every day: the placeholder ignored.
    assert.equal(hours('fs-972'), 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00');
    // Friday "00:00 - 00:00" alone: closed that day.
    assert.equal(hours('fs-67'), 'Mo 08:30-13:00; Tu,Th 08:30-13:00,13:30-17:00; We 08:30-12:00');
    for (const site of result.sites) {
      if (site.openingHours === undefined) continue;
      assert.equal(serializeOpeningHours(parseOpeningHours(site.openingHours)), site.openingHours, site.id);
    }
  });

  it('leaves the hours unknown (not closed) when all six cells are empty', () => {
    const site = byId(result, 'fs-263');
    assert.equal(site.openingHours, undefined);
    assert.equal(site.openingHoursText, undefined);
  });

  it('maps the format, the label date, appointments, contacts, comment and source', () => {
    assert.equal(byId(result, 'fs-3').venueKind, 'itinerant', 'Bus_équivalent');
    assert.equal(byId(result, 'fs-75').venueKind, 'itinerant', 'Itinérante');
    assert.equal(byId(result, 'fs-1').venueKind, 'france-services');
    assert.deepEqual(byId(result, 'fs-818').label, { kind: 'france-services', date: '2020-09-30' });
    assert.equal(byId(result, 'fs-4').appointments, true);
    assert.equal(byId(result, 'fs-1').appointments, false);
    assert.equal(byId(result, 'fs-700').email, 'france-service@carct.fr');
    assert.equal(byId(result, 'fs-942').phone, undefined);
    assert.match(byId(result, 'fs-426').remarks ?? '', /\n/, 'a comment on two lines stays on two lines');
    assert.deepEqual(byId(result, 'fs-1').source, { dataset: 'france-services-2024-08-01', id: '1', row: 1 });
    assert.deepEqual(byId(result, 'fs-1').address, {
      street: '5-9 Rue des Papetiers',
      postcode: '01200',
      commune: 'Valserhône',
      inseeCode: '01033',
    });
    assert.equal(byId(result, 'fs-2314').name, 'France services de Boulazac-Isle-Manoire', 'trailing no-break space trimmed');
  });

  it('links antennas to their main site by group, else by name', () => {
    const parent = (id: string) => byId(result, id).parentId;
    assert.equal(parent('fs-189'), 'fs-186', 'group "Val de Gers" has one main site');
    assert.equal(parent('fs-677'), 'fs-75', 'group "Pays Ségali"');
    assert.equal(parent('fs-520'), 'fs-524', 'no group: "France services Fraize - Antenne de Corcieux"');
    assert.equal(parent('fs-1709'), 'fs-134', 'group with four main sites: by name, "France services Tréguier"');
    assert.equal(parent('fs-2005'), undefined, 'no main site found');
    assert.equal(parent('fs-186'), undefined);
  });
});

const HEADER =
  'id_fs,insee_dep,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,mail,telephone,h_lundi,h_mardi,h_mercredi,h_jeudi,h_vendredi,h_samedi,prise_rdv,commentaire,type_fs,format_fs,groupe_fs,labellisation_fs';
const columns = HEADER.split(',');
const good: Record<string, string> = {
  id_fs: '9001',
  insee_dep: '46',
  lib_fs: 'France services de Gourdon',
  adresse: '20 boulevard des Martyrs',
  insee_com: '46127',
  code_postal: '46300',
  lib_com: 'Gourdon',
  latitude: '44.7375',
  longitude: '1.3832',
  mail: 'gourdon@france-services.gouv.fr',
  telephone: '05 65 00 00 00',
  h_lundi: '09:00 - 12:00 / 14:00 - 17:00',
  h_mardi: '09:00 - 12:00 / 14:00 - 17:00',
  prise_rdv: 'Oui',
  type_fs: 'Principal',
  format_fs: 'Fixe',
  labellisation_fs: 'Espace labellisé 01/01/2020',
};
/** A CSV row (RFC 4180 quoting) from the good row with some cells changed. */
function line(changes: Record<string, string> = {}, separator = ','): string {
  const cells = { ...good, ...changes };
  return columns.map((c) => {
    const v = cells[c] ?? '';
    return /[",;\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(separator);
}

describe('importFranceServicesCsv on broken rows', () => {
  it('skips a row with a bad postcode or no name (errors), keeps the others', () => {
    const text = [HEADER, line({ id_fs: '1', code_postal: '4630A' }), line({ id_fs: '2', lib_fs: '' }), line({ id_fs: '3' })].join('\n');
    const result = importFranceServicesCsv(text);
    assert.deepEqual(result.sites.map((s) => s.id), ['fs-3']);
    assert.deepEqual(brief(result), [
      [1, 'code_postal', 'error', 'site.rsp.postcode'],
      [2, 'lib_fs', 'error', 'site.rsp.required'],
    ]);
    const issue = result.issues[0];
    assert.ok(issue);
    assert.equal(issue.message, 'Postcode (code_postal): must be a 5-digit postcode, for example 46300 (got "4630A"); the row is skipped.');
    assert.equal(issue.messageFr, 'Code postal (code_postal)\u00a0: doit être un code postal à 5 chiffres, par exemple 46300 (reçu « 4630A »)\u00a0; la ligne est ignorée.');
    assert.equal(issue.value, '4630A');
    assertNothingDropped(result, 3);
  });

  it('drops bad coordinates, phone and e-mail with warnings and keeps the site', () => {
    const text = [HEADER, line({ latitude: '144.7', telephone: '05 65', mail: 'gourdon@', prise_rdv: 'Peut-être' })].join('\n');
    const result = importFranceServicesCsv(text);
    assert.equal(result.sites.length, 1);
    const site = result.sites[0]!;
    assert.equal(site.coordinates, undefined);
    assert.equal(site.phone, undefined);
    assert.equal(site.email, undefined);
    assert.equal(site.appointments, undefined);
    assert.deepEqual(brief(result), [
      [1, 'latitude', 'warning', 'coordinates.range'],
      [1, 'prise_rdv', 'warning', 'appointments.invalid'],
      [1, 'telephone', 'warning', 'phone.invalid'],
      [1, 'mail', 'warning', 'email.invalid'],
    ]);
  });

  it('keeps unreadable hours as text, with a warning at the day', () => {
    const result = importFranceServicesCsv([HEADER, line({ h_mercredi: '9h-12h et sur RDV' })].join('\n'));
    const site = result.sites[0]!;
    assert.equal(site.openingHours, undefined);
    assert.equal(
      site.openingHoursText,
      'lundi\u00a0: 09:00 - 12:00 / 14:00 - 17:00 ; mardi\u00a0: 09:00 - 12:00 / 14:00 - 17:00 ; mercredi\u00a0: 9h-12h et sur RDV ; jeudi\u00a0: fermé ; vendredi\u00a0: fermé ; samedi\u00a0: fermé',
    );
    assert.deepEqual(brief(result), [[1, 'h_mercredi', 'warning', 'hours.syntax']]);
  });

  it('reports a row with the wrong number of fields and a duplicate id as errors', () => {
    const text = [HEADER, line({ id_fs: '1' }), '2,46,Trop court', line({ id_fs: '1' }), line({ id_fs: '4' })].join('\n');
    const result = importFranceServicesCsv(text);
    assert.deepEqual(result.sites.map((s) => s.id), ['fs-1', 'fs-4']);
    assert.deepEqual(brief(result), [
      [2, '', 'error', 'csv.columns'],
      [3, 'id_fs', 'error', 'id.duplicate'],
    ]);
    assertNothingDropped(result, 4);
  });

  it('reads quoted fields with commas and line breaks, a BOM and CRLF', () => {
    const comment = 'Sur rendez-vous, le mardi.\r\nBus : "tournée" du jeudi';
    const text = `\ufeff${HEADER}\r\n${line({ commentaire: comment, adresse: '2, rue Basse' })}\r\n`;
    const result = importFranceServicesCsv(text);
    assert.deepEqual(brief(result), []);
    assert.equal(only(result).remarks, 'Sur rendez-vous, le mardi.\nBus : "tournée" du jeudi');
    assert.equal(only(result).address.street, '2, rue Basse');
  });

  it('reads a ";"-separated file', () => {
    const text = [HEADER.replaceAll(',', ';'), line({ latitude: '44,7375', longitude: '1,3832' }, ';')].join('\n');
    const result = importFranceServicesCsv(text);
    assert.deepEqual(brief(result), []);
    assert.deepEqual(only(result).coordinates, { lat: 44.7375, lon: 1.3832 });
    assert.equal(only(result).openingHours, 'Mo,Tu 09:00-12:00,14:00-17:00');
  });

  it('gives back the leading zero of a 4-digit postcode, with a warning', () => {
    const result = importFranceServicesCsv([HEADER, line({ code_postal: '1200', insee_com: '1033' })].join('\n'));
    assert.equal(only(result).address.postcode, '01200');
    assert.equal(only(result).address.inseeCode, '01033');
    assert.deepEqual(brief(result), [
      [1, 'code_postal', 'warning', 'postcode.padded'],
      [1, 'insee_com', 'warning', 'insee.padded'],
    ]);
  });

  it('refuses a file without the required columns, and an empty file', () => {
    assert.deepEqual(brief(importFranceServicesCsv('nom,adresse\nMairie,1 rue Haute')), [[0, 'id_fs', 'error', 'csv.header']]);
    assert.deepEqual(brief(importFranceServicesCsv('')), [[0, '', 'error', 'csv.empty']]);
  });

  it('reports a blank line as info and unknown columns once', () => {
    const result = importFranceServicesCsv([`${HEADER},couleur`, `${line()},bleu`, '', `${line({ id_fs: '2' })},vert`].join('\n'));
    assert.equal(result.sites.length, 2);
    assert.deepEqual(brief(result), [
      [0, 'couleur', 'info', 'csv.column.unknown'],
      [2, '', 'info', 'csv.blank'],
    ]);
    assert.equal(result.sites[1]?.source?.row, 3);
  });
});
