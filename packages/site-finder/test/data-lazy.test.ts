// What moved out of every page's bundle still does its work: the API side loaded on
// demand (a site's detail, with its errors as FinderDataError), and the URL state's
// own lists of codes, which must stay equal to core's enums.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AgencySector, NationalPartner, VenueKind } from '@rsp/core/schemas.js';
import { isFinderDataError, loadSiteDetail, readFinderUrl, writeFinderUrl } from '../src/data/index.js';
import { fakeFetch } from './support/fake-fetch.js';

const site = {
  schemaVersion: 1,
  id: 'rsp-gramat',
  name: 'Relais de Gramat',
  venueKind: 'france-services',
  address: { postcode: '46500', commune: 'Gramat' },
  coordinates: { lat: 44.78, lon: 1.72 },
  equipment: {},
  mediatorIds: [],
  stops: [],
};
const detail = {
  site,
  conventions: [],
  hours: { openNow: null, nextChange: null, today: [] },
  charter: { id: 'rsp-gramat', name: 'Relais de Gramat', status: 'met', findings: [], profile: 'france-services-2019' },
};
const json = (body: unknown, status = 200) => ({ body: JSON.stringify(body), status, type: 'application/json' });

describe('loadSiteDetail', () => {
  it('reads GET /api/sites/{id} through core’s client, loaded on first use', async () => {
    const fake = fakeFetch({ '/api/sites/rsp-gramat': json(detail) });
    const value = await loadSiteDetail('https://finder.test/', 'rsp-gramat', { fetch: fake.fetch, locale: 'en' });
    assert.equal(value.site.name, 'Relais de Gramat');
    assert.equal(value.charter.status, 'met');
    assert.deepEqual(
      fake.requests.map((u) => u.pathname),
      ['/api/sites/rsp-gramat'],
    );
  });

  it('turns the client’s errors into FinderDataError: http, format', async () => {
    const missing = fakeFetch({});
    const http = await loadSiteDetail('https://finder.test/', 'nope', { fetch: missing.fetch }).then(
      () => assert.fail('resolved'),
      (error: unknown) => error,
    );
    assert.ok(isFinderDataError(http) && http.kind === 'http' && http.status === 404, String(http));
    const bad = fakeFetch({ '/api/sites/rsp-gramat': json({ site: { id: 'rsp-gramat' } }) });
    const format = await loadSiteDetail('https://finder.test/', 'rsp-gramat', { fetch: bad.fetch }).then(
      () => assert.fail('resolved'),
      (error: unknown) => error,
    );
    assert.ok(isFinderDataError(format) && format.kind === 'format', String(format));
  });

  it('rejects with the signal’s reason when aborted, without a request', async () => {
    const fake = fakeFetch({ '/api/sites/rsp-gramat': json(detail) });
    const controller = new AbortController();
    const reason = new Error('gone');
    controller.abort(reason);
    await assert.rejects(loadSiteDetail('https://finder.test/', 'rsp-gramat', { fetch: fake.fetch, signal: controller.signal }), (error) => error === reason);
    assert.equal(fake.requests.length, 0);
  });
});

describe('finder URL state and core’s codes', () => {
  const page = new URL('https://portail.lot.fr/');
  it('accepts every venue kind of core, and nothing else', () => {
    for (const venueKind of VenueKind.options) {
      assert.deepEqual(readFinderUrl(writeFinderUrl(page, { filters: { venueKind } })).filters, { venueKind }, venueKind);
    }
    assert.deepEqual(readFinderUrl(new URL('https://portail.lot.fr/?rsp-venue=castle')).dropped, ['rsp-venue']);
  });

  it('accepts every sector and national partner code of core as a service, and nothing else', () => {
    for (const service of [...AgencySector.options, ...NationalPartner.options]) {
      assert.deepEqual(readFinderUrl(writeFinderUrl(page, { filters: { service } })).filters, { service }, service);
    }
    assert.deepEqual(readFinderUrl(new URL('https://portail.lot.fr/?rsp-service=toString')).dropped, ['rsp-service']);
  });
});
