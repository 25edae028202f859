import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFinderUrl, writeFinderUrl } from '../src/data/index.js';
import type { FinderUrlState } from '../src/data/index.js';

const page = new URL('https://portail.lot.fr/services/trouver?lang=fr#carte');

describe('finder URL state', () => {
  it('round-trips every field, keeping the page’s own parameters', () => {
    const state: FinderUrlState = {
      q: 'Saint-Céré & <b>co</b>',
      origin: { lat: 44.85712, lon: 1.89457, label: 'Saint-Céré (46)', kind: 'place' },
      filters: { radiusKm: 25, agency: 'caf-46', service: 'cnaf', venueKind: 'france-services', openNow: true, visio: true, appointments: true },
      siteId: 'fs-1234',
    };
    const url = writeFinderUrl(page, state);
    assert.equal(url.searchParams.get('lang'), 'fr');
    assert.equal(url.hash, '#carte');
    assert.equal(page.search, '?lang=fr', 'the given URL is not changed');
    assert.deepEqual(readFinderUrl(url), state);
    assert.deepEqual(readFinderUrl(new URL(url.href)), state, 'through the text of the URL');
  });

  it('writes short values, rounds coordinates, replaces old values and drops empty ones', () => {
    const first = writeFinderUrl(page, { filters: { openNow: true, visio: true }, q: 'x' });
    const url = writeFinderUrl(first, { origin: { lat: 44.1234567, lon: -1.7654321, label: 'le point choisi', kind: 'map' }, filters: { openNow: false } });
    assert.equal(url.search, '?lang=fr&rsp-near=44.12346%2C-1.76543&rsp-place=le+point+choisi&rsp-from=map');
    assert.deepEqual(readFinderUrl(url).origin, { lat: 44.12346, lon: -1.76543, label: 'le point choisi', kind: 'map' });
  });

  it('never writes the user’s geolocation into a shareable URL', () => {
    const url = writeFinderUrl(page, { origin: { lat: 44.5, lon: 1.5, label: 'votre position', kind: 'geolocation' }, filters: { radiusKm: 10 } });
    assert.equal(url.searchParams.get('rsp-near'), null);
    assert.equal(url.searchParams.get('rsp-radius'), '10');
  });

  it('uses the prefix', () => {
    const url = writeFinderUrl(page, { q: 'Gramat', filters: { venueKind: 'library' } }, 'f_');
    assert.equal(url.search, '?lang=fr&f_q=Gramat&f_venue=library');
    assert.deepEqual(readFinderUrl(url, 'f_'), { q: 'Gramat', filters: { venueKind: 'library' } });
    assert.deepEqual(readFinderUrl(url), {});
  });

  it('drops and reports every bad value, never throws', () => {
    const bad = new URL(
      'https://x.fr/?rsp-q=' + 'a'.repeat(201) +
        '&rsp-near=91,2&rsp-radius=-5&rsp-agency=%3Cscript%3E&rsp-service=tax&rsp-venue=castle' +
        '&rsp-open=yes&rsp-visio=1&rsp-rdv=0&rsp-site=..%2Fadmin&other=1',
    );
    const read = readFinderUrl(bad);
    assert.deepEqual(read, {
      filters: { visio: true },
      dropped: ['rsp-q', 'rsp-near', 'rsp-radius', 'rsp-agency', 'rsp-service', 'rsp-venue', 'rsp-open', 'rsp-site'],
    });
    for (const search of ['?rsp-near=abc', '?rsp-near=1,2,3', '?rsp-near=Infinity,2', '?rsp-near=1e3,2', '?rsp-radius=NaN', '?rsp-radius=1001', '?rsp-radius=0x10', '?rsp-near=44,1&rsp-from=gps']) {
      const r = readFinderUrl(new URL(`https://x.fr/${search}`));
      assert.ok((r.dropped?.length ?? 0) === 1, search);
    }
    // A label without a valid point is not an origin; a point without a label gets its coordinates.
    assert.deepEqual(readFinderUrl(new URL('https://x.fr/?rsp-place=Gramat')), {});
    assert.deepEqual(readFinderUrl(new URL('https://x.fr/?rsp-near=44.8,1.7')).origin, { lat: 44.8, lon: 1.7, label: '44.8, 1.7', kind: 'place' });
    // Hostile text is kept as text (it is data), control characters removed.
    assert.equal(readFinderUrl(new URL('https://x.fr/?rsp-q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%00')).q, '<img src=x onerror=alert(1)>');
    // Writing ignores invalid values too.
    const written = writeFinderUrl(page, { filters: { radiusKm: -1, agency: 'a b', service: 'tax' }, siteId: '../x', q: '   ' });
    assert.equal(written.search, '?lang=fr');
  });
});
