import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Site } from '@rsp/core/schemas.js';
import type { FinderDataError } from '../src/data/index.js';
import { agencyMembers, clearMemberCache, isFinderDataError, loadFinderData, sniffFormat } from '../src/data/index.js';
import { fakeFetch } from './support/fake-fetch.js';

const root = new URL('../../../', import.meta.url);
const nationalCsv = readFileSync(new URL('data/france-services-2024-08-01.csv', root), 'utf8');
const mediationCsv = readFileSync(new URL('data/mediation-numerique-exemple-valide.csv', root), 'utf8');

const HOSTILE = '<img src=x onerror="alert(1)"> & <script>alert(\'x\')</script>';

const FS_HEADER = '"id_fs","insee_dep","lib_fs","adresse","complement_adresse","insee_com","code_postal","lib_com","latitude","longitude","mail","telephone","h_lundi","h_mardi","h_mercredi","h_jeudi","h_vendredi","h_samedi","prise_rdv","commentaire","type_fs","format_fs","groupe_fs","labellisation_fs"';
const fsRow = (id: string, name: string) =>
  `"${id}","46","${name.replace(/"/g, '""')}","1 place de la Mairie",,"46127","46300","Gourdon",44.737,1.383,,,"09:00 - 12:00","09:00 - 12:00",,,,,"Oui",,"Principal","Fixe",,"Espace labellisé 01/01/2020"`;

const load = async (path: string, body: string, status = 200) => {
  const fake = fakeFetch({ [path]: { body, status } });
  return loadFinderData({ src: `https://finder.test${path}`, fetch: fake.fetch });
};

const rejectsWith = async (promise: Promise<unknown>, kind: FinderDataError['kind']): Promise<FinderDataError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(isFinderDataError(error), `not a FinderDataError: ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.ok(error.messageFr.length > 10 && error.messageEn.length > 10);
    return error;
  }
  assert.fail(`expected a ${kind} error`);
};

describe('loadFinderData from a static file', () => {
  it('reads the real national France Services CSV (2,845 sites) through fetch', async () => {
    const data = await load('/data/liste.csv', nationalCsv);
    assert.equal(data.source, 'france-services-csv');
    assert.equal(data.sites.length, 2845);
    const gourdon = data.sites.find((s) => s.site.name === 'France services Gourdon');
    assert.ok(gourdon);
    assert.equal(gourdon.site.label?.kind, 'france-services');
    // The charter's national partners, with their sectors, as services.
    for (const code of ['cnaf', 'cnam', 'cnav', 'msa', 'france-travail', 'la-poste', 'dgfip', 'justice', 'interieur-ants', 'social', 'employment-training', 'other']) {
      assert.ok(gourdon.services.includes(code), code);
    }
    assert.ok(!gourdon.services.includes('urssaf'));
    assert.deepEqual(data.agencies.map((a) => a.id).sort(), gourdon.partners.map((p) => p.id).sort());
    assert.equal(data.agencies.length, 9);
  });

  it('reads a France Services CSV by its header, whatever the extension, and keeps hostile names as data', async () => {
    const data = await load('/export.json', `${FS_HEADER}\n${fsRow('7', HOSTILE)}\n${fsRow('8', 'Maison "France services" d’Été')}\n`);
    assert.equal(data.source, 'france-services-csv');
    assert.deepEqual(data.sites.map((s) => s.site.name), [HOSTILE, 'Maison "France services" d’Été']);
    assert.equal(data.sites[0]?.appointments, true);
  });

  it('reads the médiation numérique CSV, with its own vocabulary', async () => {
    const data = await load('/lieux.txt', mediationCsv);
    assert.equal(data.source, 'mediation-numerique');
    assert.equal(data.sites.length, 1);
    assert.equal(data.sites[0]?.site.name, 'Anonymal');
    assert.equal(data.sites[0].site.openingHours, 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00');
  });

  it('reads a médiation numérique JSON list', async () => {
    const record = { id: 'lieu-1', pivot: '43493312300029', nom: HOSTILE, commune: 'Reims', code_postal: '51100', adresse: '1 rue X', date_maj: '2024-01-02', latitude: 49.25, longitude: 4.03 };
    const data = await load('/lieux', JSON.stringify([record]));
    assert.equal(data.source, 'mediation-numerique');
    assert.equal(data.sites[0]?.site.name, HOSTILE);
    assert.deepEqual(data.sites[0].site.coordinates, { lat: 49.25, lon: 4.03 });
  });

  it('reads the 2020 France Services GeoJSON through core’s importer', async () => {
    const text = readFileSync(new URL('packages/core/test/fixtures/import/france-services-2020.handwritten.geojson', root), 'utf8');
    const data = await load('/fs.geojson', text);
    assert.equal(data.source, 'geojson');
    assert.equal(data.sites.length, 12);
    assert.ok(data.issues.some((i) => i.severity === 'error'), 'the bad features are reported');
    assert.ok(data.sites.every((s) => s.services.includes('cnaf')), 'France Services-labelled');
  });

  it('reads a plain FeatureCollection of points (the API’s SiteFeatureCollection), reporting bad features', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'site-1', geometry: { type: 'Point', coordinates: [1.383, 44.737] }, properties: { name: HOSTILE, venueKind: 'town-hall', commune: 'Gourdon', postcode: '46300', distanceKm: 2 } },
        { type: 'Feature', id: 'site-2', geometry: { type: 'Point', coordinates: [1.6, 44.8] }, properties: { name: 'Sans code postal', venueKind: 'epn', commune: 'Gramat', postcode: '46' } },
        { type: 'Feature', id: 'site-3', geometry: { type: 'Point', coordinates: [1.7, 44.9] }, properties: { name: 'Type inconnu', venueKind: 'castle', commune: 'Gramat', postcode: '46500' } },
        { type: 'Feature', id: 'site-1', geometry: { type: 'Point', coordinates: [1.7, 44.9] }, properties: { name: 'Doublon', venueKind: 'epn', commune: 'Gramat', postcode: '46500' } },
        'not a feature',
      ],
    };
    const data = await load('/sites.geojson', JSON.stringify(collection));
    assert.equal(data.source, 'geojson');
    assert.deepEqual(data.sites.map((s) => [s.id, s.site.name, s.site.venueKind]), [
      ['site-1', HOSTILE, 'town-hall'],
      ['site-3', 'Type inconnu', 'other'],
    ]);
    assert.deepEqual(data.sites[0]?.site.coordinates, { lat: 44.737, lon: 1.383 });
    assert.deepEqual(data.issues.map((i) => [i.row, i.severity, i.code]), [
      [2, 'error', 'site.invalid'],
      [3, 'warning', 'venueKind'],
      [4, 'error', 'id.duplicate'],
      [5, 'error', 'geojson.feature'],
    ]);
    assert.match(data.issues[0]?.messageFr ?? '', /address\.postcode/);
  });

  it('reads features whose properties are whole Site records', async () => {
    const site: Partial<Site> = { id: 'full-1', name: 'Complet', venueKind: 'library', address: { postcode: '46500', commune: 'Gramat' }, openingHours: 'Mo-Fr 09:00-12:00', equipment: { visioStation: true } };
    const data = await load('/full.json', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1.7, 44.78] }, properties: site }] }));
    assert.equal(data.sites[0]?.site.openingHours, 'Mo-Fr 09:00-12:00');
    assert.equal(data.sites[0].visio, true);
  });

  it('recognises formats by content', () => {
    assert.equal(sniffFormat(`\ufeff${FS_HEADER}\n`).kind, 'france-services-csv');
    assert.equal(sniffFormat(FS_HEADER.replace(/","/g, '";"') + '\n').kind, 'france-services-csv');
    assert.equal(sniffFormat(mediationCsv).kind, 'mediation-numerique-csv');
    assert.equal(sniffFormat('  {"type":"FeatureCollection","features":[]}').kind, 'json');
    assert.equal(sniffFormat('<!doctype html><title>404</title>').kind, 'unknown');
    assert.equal(sniffFormat('a,b,c\n1,2,3').kind, 'unknown');
    assert.equal(sniffFormat('').kind, 'unknown');
  });

  it('throws typed errors: format, empty, http, network', async () => {
    await rejectsWith(load('/page.csv', '<!doctype html><p>Not found</p>'), 'format');
    await rejectsWith(load('/x.json', '{"type": "Feature"'), 'format');
    await rejectsWith(load('/x.json', '{"hello": 1}'), 'format');
    await rejectsWith(load('/other.csv', 'a;b;c\n1;2;3\n'), 'format');
    const empty = await rejectsWith(load('/empty.csv', `${FS_HEADER}\n`), 'empty');
    assert.deepEqual(empty.issues, []);
    const invalid = await rejectsWith(load('/bad.csv', `${FS_HEADER}\n"9","46","Sans commune",,,,"46300",,,,,,,,,,,,,,,,,\n`), 'empty');
    assert.ok(invalid.issues.some((i) => i.severity === 'error' && i.row === 1));
    const http = await rejectsWith(load('/gone.csv', 'gone', 410), 'http');
    assert.equal(http.status, 410);
    assert.match(http.messageFr, /410/);
    const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    await rejectsWith(loadFinderData({ src: 'https://finder.test/x.csv', fetch: failing }), 'network');
    await rejectsWith(loadFinderData({}), 'format');
  });

  it('passes an abort through as the signal’s reason, not as a FinderDataError', async () => {
    const controller = new AbortController();
    controller.abort();
    const fake = fakeFetch({ '/x.csv': { body: nationalCsv } });
    const early = new AbortController();
    const started = loadFinderData({ src: 'https://finder.test/x.csv', fetch: fake.fetch, signal: early.signal });
    early.abort();
    await assert.rejects(started, (error: unknown) => !isFinderDataError(error) && (error as Error).name === 'AbortError');
    await assert.rejects(loadFinderData({ src: 'https://finder.test/x.csv', fetch: fake.fetch, signal: controller.signal }), (error: unknown) => {
      assert.ok(!isFinderDataError(error));
      assert.equal((error as Error).name, 'AbortError');
      return true;
    });
  });
});

/** A fake RSP Kit API holding `count` sites, `withAgency` of which have a convention with agency `caf-46`. */
function fakeApi(count: number, withAgency: number) {
  const site = (i: number) => ({
    schemaVersion: 1,
    id: `site-${String(i)}`,
    name: i === 0 ? HOSTILE : `Lieu ${String(i)}`,
    venueKind: 'town-hall',
    address: { postcode: '46300', commune: 'Gourdon' },
    coordinates: { lat: 44 + i / 10000, lon: 1.4 },
    equipment: {},
    mediatorIds: [],
    stops: [],
  });
  const page = (url: URL, ids: number[]) => {
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return { type: 'application/json', body: JSON.stringify({ total: ids.length, items: ids.slice(offset, offset + limit).map((i) => ({ site: site(i) })) }) };
  };
  return fakeFetch({
    '/api/sites': (url) => {
      const agency = url.searchParams.get('agency');
      const all = Array.from({ length: count }, (_, i) => i);
      return page(url, agency === 'caf-46' ? all.slice(0, withAgency) : agency ? [] : all);
    },
    '/api/partners': {
      type: 'application/json',
      body: JSON.stringify({ items: [{ schemaVersion: 1, id: 'caf-46', name: 'CAF', sector: 'social', nationalPartner: 'cnaf' }, { schemaVersion: 1, id: 'ml-46', name: 'Mission locale', sector: 'employment-training' }] }),
    },
  });
}

describe('loadFinderData from the API', () => {
  it('pages GET /api/sites 500 at a time until total, and reads the partners', async () => {
    const api = fakeApi(1203, 600);
    const data = await loadFinderData({ apiBase: 'https://finder.test/', fetch: api.fetch });
    assert.equal(data.source, 'api');
    assert.equal(data.sites.length, 1203);
    assert.equal(data.sites[0]?.site.name, HOSTILE);
    assert.deepEqual(data.agencies.map((a) => a.id), ['caf-46', 'ml-46']);
    assert.ok(data.sites.every((s) => s.partners.length === 0 && s.services.length === 0));
    const pages = api.requests.filter((u) => u.pathname === '/api/sites').map((u) => [u.searchParams.get('limit'), u.searchParams.get('offset')]);
    assert.deepEqual(pages, [['500', '0'], ['500', '500'], ['500', '1000']]);
  });

  it('throws http for an error status and empty for no site', async () => {
    const api = fakeFetch({ '/api/sites': { status: 404, body: '{"type":"about:blank","title":"Not Found","status":404}', type: 'application/problem+json' }, '/api/partners': { type: 'application/json', body: '{"items":[]}' } });
    const error = await rejectsWith(loadFinderData({ apiBase: 'https://finder.test/', fetch: api.fetch }), 'http');
    assert.equal(error.status, 404);
    await rejectsWith(loadFinderData({ apiBase: 'https://finder.test/', fetch: fakeApi(0, 0).fetch }), 'empty');
    const wrong = fakeFetch({ '/api/sites': { type: 'application/json', body: '{"items": 3}' }, '/api/partners': { type: 'application/json', body: '{"items":[]}' } });
    await rejectsWith(loadFinderData({ apiBase: 'https://finder.test/', fetch: wrong.fetch }), 'format');
  });

  it('agencyMembers pages GET /api/sites?agency= and keeps the answer per agency', async () => {
    clearMemberCache();
    const api = fakeApi(1203, 600);
    const members = await agencyMembers('https://finder.test/', 'caf-46', { fetch: api.fetch });
    assert.equal(members.size, 600);
    assert.ok(members.has('site-599') && !members.has('site-600'));
    const calls = api.requests.length;
    assert.deepEqual(api.requests.map((u) => u.searchParams.get('agency')), ['caf-46', 'caf-46']);
    assert.equal(await agencyMembers('https://finder.test/', 'caf-46', { fetch: api.fetch }), members);
    assert.equal(api.requests.length, calls, 'cached');
    assert.equal((await agencyMembers('https://finder.test/', 'ml-46', { fetch: api.fetch })).size, 0);
    assert.equal(api.requests.length, calls + 1);
  });
});
