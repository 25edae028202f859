import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseOpeningHours, serializeOpeningHours } from '../src/hours/index.js';
import { importFranceServicesGeojson } from '../src/import/index.js';
import type { ImportResult } from '../src/import/index.js';
import { Site, validate } from '../src/schemas/index.js';

// Hand-written in the shape of the 2020 ANCT file (whose data is GPL and is not copied here).
const text = readFileSync(new URL('./fixtures/import/france-services-2020.handwritten.geojson', import.meta.url), 'utf8');

const brief = (result: ImportResult): [number, string, string, string][] => result.issues.map((i) => [i.row, i.field, i.severity, i.code]);

describe('importFranceServicesGeojson', () => {
  const result = importFranceServicesGeojson(text);
  const site = (id: string) => {
    const found = result.sites.find((s) => s.id === id);
    assert.ok(found, `no site ${id}`);
    return found;
  };

  it('gives a valid site per good feature and an error for each bad one', () => {
    assert.deepEqual(
      result.sites.map((s) => s.id),
      ['fs-1', 'fs-2', 'fs-3', 'fs-4', 'fs-5', 'fs-6', 'fs-7', 'fs-8', 'fs-9', 'fs-10', 'fs-11', 'fs-13'],
    );
    for (const s of result.sites) assert.ok(validate(Site, s).success, s.id);
    for (let row = 1; row <= 15; row++) {
      const hasSite = result.sites.some((s) => s.source?.row === row);
      const hasError = result.issues.some((i) => i.row === row && i.severity === 'error');
      assert.ok(hasSite !== hasError, `row ${row}`);
    }
  });

  it('reports every oddity at its feature and property', () => {
    assert.deepEqual(brief(result), [
      [6, 'h_lundi', 'info', 'hours.unknown'],
      [6, 'Labellisation', 'info', 'label.month'],
      [7, 'code_postal', 'warning', 'postcode.padded'],
      [7, 'h_lundi', 'warning', 'hours.repaired'],
      [8, 'h_lundi', 'warning', 'hours.unconverted'],
      [8, 'h_mardi', 'warning', 'hours.unconverted'],
      [8, 'h_mercredi', 'warning', 'hours.unconverted'],
      [8, 'h_jeudi', 'warning', 'hours.unconverted'],
      [8, 'h_vendredi', 'warning', 'hours.unconverted'],
      [9, 'h_lundi', 'warning', 'hours.partial'],
      [9, 'CONTACT.MAIL', 'warning', 'email.invalid'],
      [12, 'lib_france_services', 'error', 'site.rsp.required'],
      [13, 'geometry', 'warning', 'coordinates.range'],
      [14, 'MATRICULE', 'error', 'id.duplicate'],
      [15, '', 'error', 'geojson.feature'],
      [11, 'Goupe_France_Services_responsable', 'info', 'parent.unknown'],
    ]);
  });

  it('converts the French hours of each day into one OSM value', () => {
    assert.equal(site('fs-1').openingHours, 'Mo-Fr 09:00-12:00,13:30-17:00');
    assert.equal(site('fs-2').openingHours, 'Mo-Fr 09:00-12:00, Mo-Fr 14:00-17:00 "sur rendez-vous"');
    assert.equal(site('fs-3').openingHours, 'Mo,Tu,Th,Fr 09:00-12:00,13:30-17:00; We[1] 09:30-12:15,13:45-16:30; We[3] 09:30-12:15');
    assert.equal(
      site('fs-4').openingHours,
      'Mo 08:45-12:00; Tu-Fr 09:00-12:00,13:30-17:00; Sa 08:45-12:15; week 02-52/2 Mo 08:45-12:00,14:00-16:30; Sa[-1] off',
    );
    assert.equal(site('fs-5').openingHours, 'Sep-Jun Mo-Sa 09:00-12:00,14:00-17:30; Jul-Aug Mo-Sa 10:00-12:30,13:30-18:00');
    assert.equal(site('fs-7').openingHours, 'Mo 09:00-12:00,13:00-16:00; Tu-Fr 09:00-12:00,13:30-17:00');
    for (const s of result.sites) {
      if (s.openingHours !== undefined) assert.equal(serializeOpeningHours(parseOpeningHours(s.openingHours)), s.openingHours);
      if (s.openingHoursText === undefined) continue;
      assert.ok(s.id === 'fs-8' || s.id === 'fs-9', `${s.id} keeps its text only when something was not converted`);
    }
  });

  it('keeps the original week as text when something could not be converted', () => {
    assert.equal(site('fs-8').openingHours, undefined);
    assert.match(site('fs-8').openingHoursText ?? '', /^lundi\u00a0: Selon planning bus ; mardi/);
    assert.equal(site('fs-9').openingHours, 'Mo 09:00-12:30; Tu-Fr 09:00-12:00,13:30-17:00');
    assert.match(site('fs-9').openingHoursText ?? '', /Sur RDV : après-midi/);
    assert.equal(site('fs-6').openingHours, undefined, 'Horaires non communiqués: unknown');
    assert.equal(site('fs-6').openingHoursText, undefined);
  });

  it('maps itinerance, antennas, label, contacts and the 2024 id numbering', () => {
    assert.equal(site('fs-8').venueKind, 'itinerant');
    assert.equal(site('fs-8').email, undefined, '"-" means none, without a warning');
    assert.equal(site('fs-1').venueKind, 'france-services');
    assert.equal(site('fs-10').parentId, 'fs-9');
    assert.equal(site('fs-11').parentId, undefined);
    assert.deepEqual(site('fs-6').label, { kind: 'france-services', date: '2020-01-01' });
    assert.equal(site('fs-7').address.postcode, '04610');
    assert.equal(site('fs-13').coordinates, undefined);
    assert.deepEqual(site('fs-1').coordinates, { lat: 44.7375, lon: 1.3832 });
    assert.deepEqual(site('fs-1').source, { dataset: 'anct-france-services-2020', id: '1', row: 1 });
  });

  it('accepts the parsed object as well as the text', () => {
    assert.deepEqual(importFranceServicesGeojson(JSON.parse(text) as object), result);
  });

  it('refuses what is not JSON or not a FeatureCollection', () => {
    assert.deepEqual(brief(importFranceServicesGeojson('{"type": ')), [[0, '', 'error', 'json.syntax']]);
    assert.deepEqual(brief(importFranceServicesGeojson('{"type": "Feature"}')), [[0, 'type', 'error', 'geojson.type']]);
  });
});
