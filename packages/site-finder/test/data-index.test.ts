import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { distanceKm } from '@rsp/core/geo.js';
import { isOpenAt, parseOpeningHours } from '@rsp/core/hours.js';
import { importFranceServicesCsv } from '@rsp/core/import.js';
import type { Site } from '@rsp/core/schemas.js';
import { createFinderIndex, toFinderSite } from '../src/data/index.js';
import type { FinderData, FinderQuery, FinderResult } from '../src/data/index.js';
import { syntheticFinderData } from './support/synthetic.js';

const site = (id: string, name: string, extra: Partial<Site>): Site => ({
  schemaVersion: 1,
  id,
  name,
  venueKind: 'other',
  address: { postcode: '46000', commune: 'Cahors' },
  equipment: {},
  mediatorIds: [],
  stops: [],
  ...extra,
});

const sites = [
  site('a', 'Mairie de Gourdon', { venueKind: 'town-hall', address: { postcode: '46300', commune: 'Gourdon' }, coordinates: { lat: 44.737, lon: 1.383 }, openingHours: 'Mo-Fr 09:00-12:00', appointments: true, equipment: { visioStation: true } }),
  site('b', 'France services Gramat', { venueKind: 'france-services', address: { postcode: '46500', commune: 'Gramat' }, coordinates: { lat: 44.781, lon: 1.726 }, openingHours: 'Mo-Fr 09:00-17:00; PH off', label: { kind: 'france-services' } }),
  site('c', 'Écrivain public de Cahors', { venueKind: 'community-house', coordinates: { lat: 44.448, lon: 1.441 } }),
  site('d', 'bibliothèque de Figeac', { venueKind: 'library', address: { postcode: '46100', commune: 'Figeac' }, coordinates: { lat: 44.608, lon: 2.032 }, openingHours: 'Sa 09:00-12:00' }),
  site('e', 'Atelier sans position', { openingHours: 'Mo-Fr 09:00-17:00' }),
  site('f', 'Zèbre numérique', { venueKind: 'epn', address: { postcode: '75004', commune: 'Paris' }, coordinates: { lat: 48.85, lon: 2.35 }, openingHours: '24/7' }),
];
const data: FinderData = {
  source: 'geojson',
  sites: sites.map((s) => (s.id === 'f' ? toFinderSite(s, [{ id: 'caf-46', name: 'CAF', sector: 'social', nationalPartner: 'cnaf', visio: true }]) : toFinderSite(s))),
  agencies: [],
  issues: [],
};
const index = createFinderIndex(data);
const ids = (results: readonly FinderResult[]) => results.map((r) => r.site.id);
// Tuesday 6 January 2026, 10:00 in Paris (CET).
const TUESDAY = new Date('2026-01-06T09:00:00Z');
const SATURDAY = new Date('2026-01-10T09:00:00Z');
const MAY_DAY = new Date('2026-05-01T08:00:00Z'); // Friday, Fête du Travail, 10:00 in Paris (CEST).
const GOURDON = { lat: 44.737, lon: 1.383, label: 'Gourdon', kind: 'place' } as const;

describe('createFinderIndex: query', () => {
  it('sorts by name with the French collator when there is no origin', () => {
    assert.deepEqual(ids(index.query({ filters: {} }, TUESDAY)), ['e', 'd', 'c', 'b', 'a', 'f']);
  });

  it('applies each filter', () => {
    const q = (filters: FinderQuery['filters']) => ids(index.query({ filters }, TUESDAY));
    assert.deepEqual(q({ venueKind: 'town-hall' }), ['a']);
    assert.deepEqual(q({ visio: true }), ['a', 'f']);
    assert.deepEqual(q({ appointments: true }), ['a']);
    assert.deepEqual(q({ service: 'cnaf' }), ['b', 'f']);
    assert.deepEqual(q({ service: 'employment-training' }), ['b']);
    assert.deepEqual(q({ agency: 'national-cnaf' }), ['b']);
    assert.deepEqual(q({ agency: 'caf-46' }), ['f']);
    assert.deepEqual(q({ agency: 'caf-46', visio: true, venueKind: 'epn' }), ['f']);
    assert.deepEqual(q({ venueKind: 'itinerant' }), []);
  });

  it('uses members for the agency and service filters when given (API mode)', () => {
    const members = new Set(['a', 'd']);
    assert.deepEqual(ids(index.query({ filters: { agency: 'caf-46' } }, TUESDAY, members)), ['d', 'a']);
    assert.deepEqual(ids(index.query({ filters: { service: 'social', venueKind: 'library' } }, TUESDAY, members)), ['d']);
    // Without an agency or service filter, members do not restrict.
    assert.equal(index.query({ filters: {} }, TUESDAY, members).length, 6);
  });

  it('says open now at fixed instants in Europe/Paris, unknown hours as null', () => {
    const at = (now: Date) => Object.fromEntries(index.query({ filters: {} }, now).map((r) => [r.site.id, r.openNow]));
    assert.deepEqual(at(TUESDAY), { a: true, b: true, c: null, d: false, e: true, f: true });
    assert.deepEqual(ids(index.query({ filters: { openNow: true } }, TUESDAY)), ['e', 'b', 'a', 'f']);
    assert.deepEqual(ids(index.query({ filters: { openNow: true } }, SATURDAY)), ['d', 'f']);
    // 12:30 in Paris: the morning sites have closed (and the cached day is re-read correctly).
    assert.deepEqual(ids(index.query({ filters: { openNow: true } }, new Date('2026-01-06T11:30:00Z'))), ['e', 'b', 'f']);
    // Going back in time works too.
    assert.deepEqual(at(TUESDAY), { a: true, b: true, c: null, d: false, e: true, f: true });
    // May Day: Gramat says PH off, the others do not.
    assert.deepEqual(ids(index.query({ filters: { openNow: true } }, MAY_DAY)), ['e', 'a', 'f']);
    assert.equal(index.openAt(data.sites[1]!, MAY_DAY), false);
    assert.equal(index.openAt(data.sites[2]!, MAY_DAY), null);
  });

  it('sorts nearest first with distances from an origin; sites without position come last', () => {
    const results = index.query({ origin: GOURDON, filters: {} }, TUESDAY);
    assert.deepEqual(ids(results), ['a', 'b', 'c', 'd', 'f', 'e']);
    for (const r of results) {
      const c = r.site.site.coordinates;
      if (c) assert.ok(Math.abs((r.distanceKm ?? -1) - distanceKm(GOURDON, c)) < 1e-6, r.site.id);
      else assert.equal(r.distanceKm, undefined);
    }
    assert.equal(results[0]?.distanceKm, 0);
  });

  it('honours the radius (inclusive), with the other filters', () => {
    const gramat = distanceKm(GOURDON, { lat: 44.781, lon: 1.726 });
    assert.deepEqual(ids(index.query({ origin: GOURDON, filters: { radiusKm: gramat } }, TUESDAY)), ['a', 'b']);
    assert.deepEqual(ids(index.query({ origin: GOURDON, filters: { radiusKm: gramat - 0.01 } }, TUESDAY)), ['a']);
    assert.deepEqual(ids(index.query({ origin: GOURDON, filters: { radiusKm: 100, openNow: true } }, SATURDAY)), ['d']);
    assert.deepEqual(ids(index.query({ origin: GOURDON, filters: { radiusKm: 0 } }, TUESDAY)), ['a']);
  });

  it('suggests communes, postcodes and sites from the data, each with a position', () => {
    const gour = index.suggest('gour');
    assert.deepEqual(gour[0] && { label: gour[0].label, kind: gour[0].kind, lat: gour[0].lat, lon: gour[0].lon }, { label: 'Gourdon (46)', kind: 'commune', lat: 44.737, lon: 1.383 });
    assert.deepEqual(index.suggest('46500').map((s) => [s.kind, s.label]), [['postcode', '46500 Gramat']]);
    const ecrivain = index.suggest('ecrivain');
    assert.deepEqual(ecrivain.map((s) => [s.kind, s.siteId]), [['site', 'c']]);
    assert.deepEqual(index.suggest('atelier sans'), [], 'a site without position cannot centre a search');
    assert.equal(index.suggest('').length, 0);
    assert.equal(index.suggest('e', 1).length <= 1, true);
  });

  it('keeps hostile names intact and finds them', () => {
    const hostile = '<img src=x onerror=alert(1)> Maison';
    const i2 = createFinderIndex({ ...data, sites: [toFinderSite(site('h', hostile, { coordinates: { lat: 45, lon: 1 } }))] });
    assert.equal(i2.query({ filters: {} }, TUESDAY)[0]?.site.site.name, hostile);
    assert.equal(i2.suggest('maison')[0]?.label, `${hostile}, Cahors`);
    assert.equal(i2.byId('h')?.site.name, hostile);
  });
});

describe('createFinderIndex: scale', () => {
  it('the real national list: 2,845 sites, open now as core evaluates it', () => {
    const csv = readFileSync(new URL('../../../data/france-services-2024-08-01.csv', import.meta.url), 'utf8');
    const sites2845 = importFranceServicesCsv(csv).sites;
    assert.equal(sites2845.length, 2845);
    const real: FinderData = { source: 'france-services-csv', sites: sites2845.map((s) => toFinderSite(s)), agencies: [], issues: [] };
    // Open now agrees with core's evaluator on every site.
    const idx = createFinderIndex(real);
    for (const r of idx.query({ filters: {} }, TUESDAY)) {
      const text = r.site.site.openingHours;
      assert.equal(r.openNow, text === undefined ? null : isOpenAt(parseOpeningHours(text), TUESDAY), r.site.id);
    }
  });

  it('30,000 synthetic sites: radius results equal a linear scan', () => {
    const synthetic = syntheticFinderData(30_000, 7);
    const idx = createFinderIndex(synthetic);
    const origin = { lat: 46.5, lon: 2.5, label: 'x', kind: 'map' } as const;
    const got = idx.query({ origin, filters: { radiusKm: 40, openNow: true } }, TUESDAY);
    const expected = synthetic.sites
      .filter((s) => s.site.coordinates && distanceKm(origin, s.site.coordinates) <= 40 && idx.openAt(s, TUESDAY) === true)
      .map((s) => s.id)
      .sort();
    assert.ok(expected.length > 10);
    assert.deepEqual(ids(got).sort(), expected);
    for (let k = 1; k < got.length; k++) assert.ok((got[k - 1]?.distanceKm ?? 0) <= (got[k]?.distanceKm ?? 0));
  });
});
