import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditSite, franceServices2019, rsp2006 } from '@rsp/core/charter.js';
import { ProblemDetails, SiteDetail, SiteFeatureCollection, SiteList, createClient, isHttpError } from '@rsp/core/client.js';
import type { FetchLike } from '@rsp/core/client.js';
import { distanceKm } from '@rsp/core/geo.js';
import { Agency, Convention, Site } from '@rsp/core/schemas.js';
import type { Hono } from 'hono';
import type { Database } from '../src/db/index.js';
import { upsertAgencies, upsertConventions, upsertSites } from '../src/db/index.js';
import { NOW, agencies, call, conventions, engines, seed, sites, testApp } from './support/harness.js';

/*
 * The site endpoints over the harness's Lot network plus three more sites:
 * a library in Cahors (visio through a convention only, open Mo-Sa 08:00-18:00),
 * a bus without coordinates nor hours, and a France Services in Ardèche whose
 * equipment says "no visio station" although a convention has visio.
 */
const extraSites: Site[] = [
  Site.parse({
    id: 'ard-etables',
    name: 'France Services d’Étables',
    venueKind: 'france-services',
    address: { postcode: '07300', commune: 'Étables' },
    coordinates: { lat: 45.0953, lon: 4.7581 },
    openingHours: 'Mo-Fr 08:30-12:00',
    equipment: { visioStation: false },
  }),
  Site.parse({
    id: 'lot-cahors',
    name: 'Médiathèque de Cahors',
    venueKind: 'library',
    address: { postcode: '46000', commune: 'Cahors' },
    coordinates: { lat: 44.4475, lon: 1.4419 },
    openingHours: 'Mo-Sa 08:00-18:00',
  }),
  Site.parse({
    id: 'lot-figeac-bus',
    name: 'Bus France Services du Figeacois',
    venueKind: 'itinerant',
    address: { postcode: '46100', commune: 'Figeac' },
  }),
];
const msa = Agency.parse({ id: 'msa', name: 'MSA', sector: 'social', nationalPartner: 'msa' });
const extraConventions: Convention[] = [
  Convention.parse({ id: 'etables-msa', siteId: 'ard-etables', agencyId: 'msa', visio: true }),
  Convention.parse({ id: 'cahors-caf', siteId: 'lot-cahors', agencyId: 'caf', visio: true }),
  Convention.parse({ id: 'figeac-ml', siteId: 'lot-figeac-bus', agencyId: 'mission-locale' }),
];
const allSites = [...sites, ...extraSites];
const GRAMAT = { lat: 44.7811, lon: 1.7256 };

async function seedAll(db: Database): Promise<void> {
  await seed(db);
  await upsertSites(db, extraSites);
  await upsertAgencies(db, [msa]);
  await upsertConventions(db, extraConventions);
}

async function list(app: Hono, query: string, headers: Record<string, string> = {}): Promise<SiteList> {
  const res = await call(app, 'GET', `/api/sites${query}`, { headers });
  assert.equal(res.status, 200, await res.clone().text());
  return SiteList.parse(await res.json());
}

function siteById(id: string): Site {
  const site = allSites.find((s) => s.id === id);
  assert.ok(site, id);
  return site;
}

const ids = (answer: SiteList): string[] => answer.items.map((i) => i.site.id);

async function problem(app: Hono, path: string, status: number, headers: Record<string, string> = {}): Promise<ProblemDetails> {
  const res = await call(app, 'GET', path, { headers });
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return ProblemDetails.parse(await res.json());
}

/** A client of `@rsp/core/client.js` talking to the app in memory. */
const clientOf = (app: Hono, locale: 'fr' | 'en' = 'fr') =>
  createClient({ baseUrl: 'http://rsp.test/', locale, retries: 0, fetch: ((input: Request) => app.request(input)) as FetchLike });

for (const engine of engines) {
  describe(`GET /api/sites (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    let errors: unknown[];
    before(async () => {
      db = await engine.open();
      await seedAll(db);
      ({ app, errors } = testApp(db));
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await db.close();
    });

    it('lists every site by id, with the total, 50 by default, cacheable', async () => {
      const res = await call(app, 'GET', '/api/sites');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /public, max-age=\d+/);
      assert.match(res.headers.get('vary') ?? '', /Accept\b/);
      const answer = SiteList.parse(await res.json());
      assert.equal(answer.total, 5);
      assert.deepEqual(ids(answer), ['ard-etables', 'lot-cahors', 'lot-figeac-bus', 'lot-gramat', 'lot-salviac']);
      assert.ok(answer.items.every((i) => i.distanceKm === undefined));
      assert.deepEqual(answer.items[3]?.site, sites[0]);
    });

    it('pages with limit and offset; the total stays the number of matches', async () => {
      const page = await list(app, '?limit=2&offset=1');
      assert.equal(page.total, 5);
      assert.deepEqual(ids(page), ['lot-cahors', 'lot-figeac-bus']);
      const last = await list(app, '?limit=2&offset=4');
      assert.deepEqual(ids(last), ['lot-salviac']);
      const beyond = await list(app, '?offset=10');
      assert.equal(beyond.total, 5);
      assert.deepEqual(beyond.items, []);
      const countOnly = await list(app, '?limit=0');
      assert.equal(countOnly.total, 5);
      assert.deepEqual(countOnly.items, []);
      assert.equal((await list(app, '?limit=500')).items.length, 5);
    });

    it('filters by agency (a convention with it)', async () => {
      assert.deepEqual(ids(await list(app, '?agency=caf')), ['lot-cahors', 'lot-gramat', 'lot-salviac']);
      assert.deepEqual(ids(await list(app, '?agency=mission-locale')), ['lot-figeac-bus', 'lot-gramat']);
      const none = await list(app, '?agency=cpam');
      assert.equal(none.total, 0);
      assert.deepEqual(none.items, []);
    });

    it('filters by service: an agency sector or a national partner under convention', async () => {
      assert.deepEqual(ids(await list(app, '?service=social')), ['ard-etables', 'lot-cahors', 'lot-gramat', 'lot-salviac']);
      assert.deepEqual(ids(await list(app, '?service=employment-training')), ['lot-figeac-bus', 'lot-gramat']);
      assert.deepEqual(ids(await list(app, '?service=cnaf')), ['lot-cahors', 'lot-gramat', 'lot-salviac']);
      assert.deepEqual(ids(await list(app, '?service=msa')), ['ard-etables']);
      assert.equal((await list(app, '?service=dgfip')).total, 0);
      const bad = await problem(app, '/api/sites?service=plumbing', 400, { 'Accept-Language': 'en' });
      assert.equal(bad.errors?.[0]?.path, 'service');
      assert.match(bad.errors[0].message, /must be one of: .*"social".*"cnaf"/);
    });

    it('filters by venue kind', async () => {
      assert.deepEqual(ids(await list(app, '?venueKind=library')), ['lot-cahors']);
      assert.deepEqual(ids(await list(app, '?venueKind=itinerant&agency=mission-locale')), ['lot-figeac-bus']);
      assert.equal((await problem(app, '/api/sites?venueKind=castle', 400)).errors?.[0]?.path, 'venueKind');
    });

    it('filters the sites open now in Paris, leaving out unknown hours', async () => {
      // Tuesday 08:00: only Cahors (from 08:00) is open; Étables opens at 08:30, the bus has no hours.
      assert.deepEqual(ids(await list(app, '?openNow=true')), ['lot-cahors']);
      assert.equal((await list(app, '?openNow=false')).total, 5);
      const afternoon = testApp(db, { now: () => new Date('2026-12-01T15:00:00+01:00') });
      assert.deepEqual(ids(await list(afternoon.app, '?openNow=true')), ['lot-cahors', 'lot-gramat']);
      const morning = testApp(db, { now: () => new Date('2026-12-01T10:00:00+01:00') });
      assert.deepEqual(ids(await list(morning.app, '?openNow=true')), ['ard-etables', 'lot-cahors', 'lot-gramat', 'lot-salviac']);
      // Sunday 6 December at 10:00: every known calendar is closed.
      const sunday = testApp(db, { now: () => new Date('2026-12-06T10:00:00+01:00') });
      assert.deepEqual(ids(await list(sunday.app, '?openNow=true')), []);
      assert.deepEqual([...afternoon.errors, ...morning.errors, ...sunday.errors], []);
      assert.equal((await problem(app, '/api/sites?openNow=yes', 400)).errors?.[0]?.path, 'openNow');
    });

    it('filters sites with a visio-guichet station (equipment, or a visio convention when the equipment does not say)', async () => {
      assert.deepEqual(ids(await list(app, '?visio=true')), ['lot-cahors', 'lot-gramat']);
      assert.equal((await list(app, '?visio=false')).total, 5);
      assert.deepEqual(ids(await list(app, '?visio=true&agency=caf&venueKind=library')), ['lot-cahors']);
    });

    it('sorts near a point by distance, with distanceKm, leaving out sites without coordinates', async () => {
      const answer = await list(app, `?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}`);
      const expected = allSites
        .filter((s) => s.coordinates)
        .map((s) => ({ id: s.id, d: distanceKm(GRAMAT, s.coordinates ?? GRAMAT) }))
        .sort((a, b) => a.d - b.d);
      assert.equal(answer.total, 4);
      assert.deepEqual(ids(answer), expected.map((e) => e.id));
      assert.deepEqual(ids(answer), ['lot-gramat', 'lot-salviac', 'lot-cahors', 'ard-etables']);
      answer.items.forEach((item, i) => {
        assert.ok(item.distanceKm !== undefined);
        assert.ok(Math.abs(item.distanceKm - (expected[i]?.d ?? NaN)) < 0.001, `${item.site.id}: ${String(item.distanceKm)}`);
      });
      assert.equal(answer.items[0]?.distanceKm, 0);
      const salviac = answer.items[1]?.distanceKm ?? 0;
      assert.ok(salviac > 37 && salviac < 39, String(salviac));

      const page = await list(app, `?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}&limit=1&offset=1`);
      assert.equal(page.total, 4);
      assert.deepEqual(ids(page), ['lot-salviac']);
      const filtered = await list(app, `?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}&agency=caf&limit=2`);
      assert.equal(filtered.total, 3);
      assert.deepEqual(ids(filtered), ['lot-gramat', 'lot-salviac']);
    });

    it('keeps only the sites within the radius, nearest first', async () => {
      const within40 = await list(app, `?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}&radius=40`);
      assert.equal(within40.total, 2);
      assert.deepEqual(ids(within40), ['lot-gramat', 'lot-salviac']);
      const within50 = await list(app, `?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}&radius=50&limit=1&offset=2`);
      assert.equal(within50.total, 3);
      assert.deepEqual(ids(within50), ['lot-cahors']);
      assert.ok((within50.items[0]?.distanceKm ?? 99) <= 50);
      const tiny = await list(app, '?near=44.0,1.0&radius=0.5');
      assert.equal(tiny.total, 0);
    });

    it('keeps only the sites inside a bounding box, also across the antimeridian, and combines it with near', async () => {
      assert.deepEqual(ids(await list(app, '?bbox=1.0,44.2,2.2,45.0')), ['lot-cahors', 'lot-gramat', 'lot-salviac']);
      assert.deepEqual(ids(await list(app, '?bbox=1.5,44.2,2.2,45.0')), ['lot-gramat']);
      assert.deepEqual(ids(await list(app, '?bbox=4.0,44.0,-179,46.0')), ['ard-etables']);
      const both = await list(app, '?bbox=1.0,44.2,2.2,45.0&near=44.45,1.44');
      assert.deepEqual(ids(both), ['lot-cahors', 'lot-salviac', 'lot-gramat']);
      assert.equal(both.total, 3);
    });

    it('answers GeoJSON points for Accept: application/geo+json', async () => {
      const res = await call(app, 'GET', '/api/sites', { headers: { Accept: 'application/geo+json' } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/geo\+json/);
      const collection = SiteFeatureCollection.parse(await res.json());
      assert.deepEqual(collection.features.map((f) => f.id), ['ard-etables', 'lot-cahors', 'lot-gramat', 'lot-salviac']);
      const gramat = collection.features[2];
      assert.deepEqual(gramat?.geometry, { type: 'Point', coordinates: [1.7256, 44.7811] });
      assert.deepEqual(gramat.properties, { name: 'Relais Services Publics de Gramat', venueKind: 'cyber-base', commune: 'Gramat', postcode: '46500' });

      const near = await call(app, 'GET', `/api/sites?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}&limit=2`, { headers: { Accept: 'application/geo+json;q=0.9, application/json;q=0.5' } });
      const points = SiteFeatureCollection.parse(await near.json());
      assert.deepEqual(points.features.map((f) => [f.id, f.properties.distanceKm !== undefined]), [['lot-gramat', true], ['lot-salviac', true]]);

      const json = await call(app, 'GET', '/api/sites?limit=1', { headers: { Accept: 'application/json, application/geo+json;q=0.5' } });
      assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
      SiteList.parse(await json.json());
      await problem(app, '/api/sites', 406, { Accept: 'text/html' });
    });

    it('refuses a bad near, bbox, radius, limit or offset with 400 and the field in errors', async () => {
      const cases: [string, string][] = [
        ['near=abc', 'near'],
        ['near=44.7', 'near'],
        ['near=44.7,1.7,3', 'near'],
        ['near=91,1.7', 'near'],
        ['near=44.7,181', 'near'],
        ['near=,', 'near'],
        ['near=NaN,1', 'near'],
        ['bbox=1,2,3', 'bbox'],
        ['bbox=1,45,2,44', 'bbox'],
        ['bbox=1,44,200,45', 'bbox'],
        ['bbox=1,-95,2,45', 'bbox'],
        ['bbox=a,b,c,d', 'bbox'],
        ['radius=10', 'radius'],
        ['near=44.7,1.7&radius=0', 'radius'],
        ['near=44.7,1.7&radius=-5', 'radius'],
        ['near=44.7,1.7&radius=far', 'radius'],
        ['near=44.7,1.7&radius=30000', 'radius'],
        ['limit=501', 'limit'],
        ['limit=-1', 'limit'],
        ['limit=2.5', 'limit'],
        ['limit=ten', 'limit'],
        ['offset=-3', 'offset'],
        ['colour=blue', 'colour'],
      ];
      for (const [query, path] of cases) {
        const body = await problem(app, `/api/sites?${query}`, 400);
        assert.ok(body.errors?.some((e) => e.path === path), `${query}: ${JSON.stringify(body.errors)}`);
      }
      const english = await problem(app, '/api/sites?near=44.7&bbox=1,45,2,44', 400, { 'Accept-Language': 'en' });
      assert.deepEqual(english.errors?.map((e) => e.path), ['near', 'bbox']);
      assert.match(english.errors[0]?.message ?? '', /latitude,longitude/);
      assert.match(english.errors[1]?.message ?? '', /south edge/);
      const french = await problem(app, '/api/sites?near=44.7', 400);
      assert.match(french.errors?.[0]?.message ?? '', /degrés décimaux/);
    });

    it('works through the typed client of @rsp/core', async () => {
      const api = clientOf(app);
      const page = await api.sites({ agency: 'caf', limit: 2 });
      assert.equal(page.total, 3);
      const near = await api.nearSites({ lat: GRAMAT.lat, lon: GRAMAT.lon, radiusKm: 40, visio: true });
      assert.deepEqual(ids(near), ['lot-gramat']);
      const map = await api.sitesGeoJson({ bbox: [1.0, 44.2, 2.2, 45.0], openNow: true });
      assert.deepEqual(map.features.map((f) => f.id), ['lot-cahors']);
    });
  });

  describe(`GET /api/sites/{id} (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    let errors: unknown[];
    before(async () => {
      db = await engine.open();
      await seedAll(db);
      ({ app, errors } = testApp(db));
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await db.close();
    });

    it('gives the site, its conventions, its hours at the clock and its France Services 2019 status', async () => {
      const res = await call(app, 'GET', '/api/sites/lot-gramat');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('cache-control') ?? '', /public, max-age=\d+/);
      const detail = SiteDetail.parse(await res.json());
      assert.deepEqual(detail.site, sites[0]);
      assert.deepEqual(detail.conventions.map((c) => c.id).sort(), ['gramat-caf', 'gramat-ml']);
      assert.deepEqual(detail.conventions.find((c) => c.id === 'gramat-caf'), conventions[0]);
      // Tuesday 1 December 2026, 08:00 in Paris: closed, opens at 09:00.
      assert.deepEqual(detail.hours, {
        openNow: false,
        nextChange: '2026-12-01T09:00:00+01:00',
        today: [
          { start: '2026-12-01T09:00:00+01:00', end: '2026-12-01T12:00:00+01:00' },
          { start: '2026-12-01T14:00:00+01:00', end: '2026-12-01T17:00:00+01:00' },
        ],
      });
      assert.equal(detail.charter.profile, 'france-services-2019');
      assert.equal(detail.charter.id, 'lot-gramat');
      assert.equal(detail.charter.status, 'not-met');
      assert.deepEqual(detail.charter.findings.map((f) => [f.rule, f.status]), [
        ['weekly-hours', 'met'],
        ['open-days', 'met'],
        ['advisers', 'unknown'],
        ['national-partners', 'not-met'],
      ]);
      assert.match(detail.charter.findings[0]?.reason ?? '', /^ouvert 30 h par semaine sur 5 jours/);
      const expected = auditSite(siteById('lot-gramat'), franceServices2019, { agencies: [...agencies, msa], conventions: conventions.slice(0, 2), referenceDate: NOW, locale: 'fr' });
      assert.deepEqual(detail.charter.findings, expected.findings);
    });

    it('says when the site is open now and when it closes', async () => {
      const later = testApp(db, { now: () => new Date('2026-12-01T10:15:00+01:00') });
      const detail = SiteDetail.parse(await (await call(later.app, 'GET', '/api/sites/lot-salviac')).json());
      assert.deepEqual(detail.hours, {
        openNow: true,
        nextChange: '2026-12-01T12:00:00+01:00',
        today: [{ start: '2026-12-01T09:00:00+01:00', end: '2026-12-01T12:00:00+01:00' }],
      });
      // In summer the offset is +02:00; Wednesday has no hours at Salviac.
      const summer = testApp(db, { now: () => new Date('2026-07-15T13:00:00+02:00') });
      const july = SiteDetail.parse(await (await call(summer.app, 'GET', '/api/sites/lot-salviac')).json());
      assert.deepEqual(july.hours, { openNow: false, nextChange: '2026-07-16T09:00:00+02:00', today: [] });
      assert.deepEqual([...later.errors, ...summer.errors], []);
    });

    it('gives null hours when they are unknown, and an unknown charter status without conventions data', async () => {
      const detail = SiteDetail.parse(await (await call(app, 'GET', '/api/sites/lot-figeac-bus')).json());
      assert.deepEqual(detail.hours, { openNow: null, nextChange: null, today: [] });
      assert.equal(detail.charter.findings.find((f) => f.rule === 'weekly-hours')?.status, 'unknown');
    });

    it('audits against the profile of the charter parameter, reasons in the request language', async () => {
      const res = await call(app, 'GET', '/api/sites/lot-gramat?charter=rsp-2006', { headers: { 'Accept-Language': 'en' } });
      assert.equal(res.headers.get('content-language'), 'en');
      const detail = SiteDetail.parse(await res.json());
      assert.equal(detail.charter.profile, 'rsp-2006');
      assert.equal(detail.charter.status, 'unknown');
      assert.deepEqual(detail.charter.findings.map((f) => [f.rule, f.status]), [
        ['weekly-hours', 'met'],
        ['open-days', 'met'],
        ['partner-sectors', 'met'],
        ['broadband-computer', 'unknown'],
        ['confidential-space', 'unknown'],
      ]);
      assert.equal(detail.charter.findings[0]?.reason, 'open 30 h a week over 5 days; the charter asks for at least 24 h');
      assert.equal(detail.charter.findings[2]?.reason, 'partners: CAF (social), Mission Locale (employment-training)');
      const expected = auditSite(siteById('lot-gramat'), rsp2006, { agencies, conventions: conventions.slice(0, 2), referenceDate: NOW, locale: 'en' });
      assert.deepEqual(detail.charter.findings, expected.findings);
      const bad = await problem(app, '/api/sites/lot-gramat?charter=rsp-1999', 400);
      assert.equal(bad.errors?.[0]?.path, 'charter');
    });

    it('answers 404 for an unknown or impossible id', async () => {
      const unknown = await problem(app, '/api/sites/lot-nowhere', 404, { 'Accept-Language': 'en' });
      assert.equal(unknown.detail, 'No site has the id "lot-nowhere".');
      assert.equal(unknown.instance, '/api/sites/lot-nowhere');
      await problem(app, '/api/sites/not%20an%20id', 404);
    });

    it('works through the typed client of @rsp/core', async () => {
      const detail = await clientOf(app, 'en').site('lot-cahors');
      assert.equal(detail.hours.openNow, true);
      assert.equal(detail.hours.nextChange, '2026-12-01T18:00:00+01:00');
      await assert.rejects(clientOf(app).site('lot-nowhere'), (error: unknown) => isHttpError(error, 404));
    });
  });
}
