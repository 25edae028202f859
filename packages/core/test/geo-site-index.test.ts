import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createSiteIndex, distanceKm, wrapLongitude } from '../src/geo/index.js';
import type { GeoSite, LatLon } from '../src/geo/index.js';

/** Regions the national list covers, as [south, west, north, east] boxes. */
const REGIONS: readonly (readonly [string, number, number, number, number])[] = [
  ['metropolitan France', 42.3, -4.8, 51.1, 8.2],
  ['Corsica', 41.35, 8.5, 43.05, 9.6],
  ['Guadeloupe', 15.8, -61.85, 16.55, -61.0],
  ['Martinique', 14.38, -61.25, 14.9, -60.8],
  ['Guyane', 2.1, -54.6, 5.8, -51.6],
  ['La Réunion', -21.4, 55.2, -20.85, 55.85],
  ['Mayotte', -13.0, 45.0, -12.6, 45.3],
  ['near the antimeridian', -20, 175, 20, 185],
];

const point = fc
  .tuple(fc.integer({ min: 0, max: REGIONS.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([r, u, v]): LatLon => {
    const [, south, west, north, east] = REGIONS[r] ?? REGIONS[0]!;
    return { lat: south + u * (north - south), lon: west + v * (east - west) };
  });

const sitesArb = fc.array(fc.option(point, { freq: 8, nil: undefined }), { minLength: 0, maxLength: 400, size: 'medium' }).map((points) =>
  points.map((coordinates, i): GeoSite & { even: boolean } => ({ id: `s${String(i)}`, even: i % 2 === 0, ...(coordinates ? { coordinates } : {}) })),
);

const bruteForce = <S extends GeoSite>(sites: readonly S[], from: LatLon) =>
  sites.flatMap((site) => (site.coordinates ? [{ site, distanceKm: distanceKm(from, site.coordinates) }] : [])).sort((a, b) => a.distanceKm - b.distanceKm);

const EPS = 1e-6;
const params = { seed: 20261123, numRuns: 150 };

describe('distanceKm', () => {
  it('gives known great-circle distances', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const marseille = { lat: 43.2965, lon: 5.3698 };
    assert.ok(Math.abs(distanceKm(paris, marseille) - 660.5) < 2, String(distanceKm(paris, marseille)));
    const cayenne = { lat: 4.9372, lon: -52.326 };
    assert.ok(Math.abs(distanceKm(paris, cayenne) - 7070) < 30, String(distanceKm(paris, cayenne)));
    assert.equal(distanceKm(paris, paris), 0);
  });

  it('is symmetric and takes the short way across the antimeridian', () => {
    const a = { lat: 0, lon: 179.9 };
    const b = { lat: 0, lon: -179.9 };
    assert.ok(Math.abs(distanceKm(a, b) - 22.24) < 0.01);
    assert.equal(distanceKm(a, b), distanceKm(b, a));
    assert.ok(Math.abs(distanceKm({ lat: 10, lon: 190 }, { lat: 10, lon: -170 })) < 1e-9);
  });

  it('wraps longitudes into [-180, 180)', () => {
    assert.equal(wrapLongitude(190), -170);
    assert.equal(wrapLongitude(-190), 170);
    assert.equal(wrapLongitude(180), -180);
    assert.equal(wrapLongitude(4.5), 4.5);
  });
});

describe('createSiteIndex', () => {
  it('skips and counts the sites without coordinates', () => {
    const index = createSiteIndex([{ id: 'a', coordinates: { lat: 45, lon: 4 } }, { id: 'b' }, { id: 'c', coordinates: { lat: Number.NaN, lon: 1 } }]);
    assert.equal(index.size, 1);
    assert.equal(index.skipped, 2);
    assert.deepEqual(index.skippedIds, ['b', 'c']);
  });

  it('answers an empty index with empty lists', () => {
    const index = createSiteIndex([{ id: 'b' }]);
    assert.deepEqual(index.nearest({ lat: 45, lon: 4 }), []);
    assert.deepEqual(index.within({ lat: 45, lon: 4 }, 100), []);
    assert.deepEqual(index.withinBounds({ west: -180, south: -90, east: 180, north: 90 }), []);
  });

  it('nearest matches a brute-force scan (France, Corsica, overseas)', () => {
    fc.assert(
      fc.property(sitesArb, point, fc.integer({ min: 1, max: 20 }), fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: undefined }), fc.boolean(), (sites, from, limit, maxDistanceKm, filtered) => {
        const index = createSiteIndex(sites);
        const filter = filtered ? (s: { even: boolean }) => s.even : undefined;
        const got = index.nearest(from, { limit, ...(maxDistanceKm === undefined ? {} : { maxDistanceKm }), ...(filter ? { filter } : {}) });
        // Sites within EPS of maxDistanceKm may fall either side (rounding); any other must agree.
        const max = maxDistanceKm ?? Infinity;
        const all = bruteForce(sites, from).filter((h) => !filter || filter(h.site));
        const expected = all.filter((h) => h.distanceKm <= max + EPS).slice(0, limit);
        const surely = Math.min(limit, all.filter((h) => h.distanceKm <= max - EPS).length);
        assert.ok(got.length >= surely && got.length <= expected.length);
        got.forEach((hit, i) => {
          assert.ok(Math.abs(hit.distanceKm - (expected[i]?.distanceKm ?? Number.NaN)) < EPS);
          assert.ok(hit.site.coordinates);
          if (filter) assert.ok(filter(hit.site));
          assert.ok(Math.abs(hit.distanceKm - distanceKm(from, hit.site.coordinates)) < EPS);
          if (i > 0) assert.ok(hit.distanceKm >= (got[i - 1]?.distanceKm ?? 0));
        });
      }),
      params,
    );
  });

  it('within matches a brute-force scan, and the filter is applied', () => {
    fc.assert(
      fc.property(sitesArb, point, fc.oneof(fc.double({ min: 0, max: 300, noNaN: true }), fc.double({ min: 0, max: 21_000, noNaN: true })), fc.boolean(), (sites, from, radius, filtered) => {
        const index = createSiteIndex(sites);
        const keep = filtered ? (s: { even: boolean }) => s.even : undefined;
        const got = index.within(from, radius, keep);
        const expected = bruteForce(sites, from).filter((h) => h.distanceKm <= radius && (!keep || keep(h.site)));
        const near = (d: number) => Math.abs(d - radius) < EPS;
        assert.deepEqual(
          got.filter((h) => !near(h.distanceKm)).map((h) => h.site.id).sort(),
          expected.filter((h) => !near(h.distanceKm)).map((h) => h.site.id).sort(),
        );
        assert.ok(got.every((h, i) => i === 0 || h.distanceKm >= (got[i - 1]?.distanceKm ?? 0)));
      }),
      params,
    );
  });

  it('withinBounds matches a brute-force scan, boxes across the antimeridian included', () => {
    fc.assert(
      fc.property(sitesArb, point, point, (sites, a, b) => {
        const index = createSiteIndex(sites);
        const bbox = { west: a.lon, east: b.lon, south: Math.min(a.lat, b.lat), north: Math.max(a.lat, b.lat) };
        const west = wrapLongitude(bbox.west);
        const east = bbox.east >= 180 ? 180 : wrapLongitude(bbox.east);
        const inside = (c: LatLon) => {
          const lon = wrapLongitude(c.lon);
          const lonOk = west <= east ? (lon >= west && lon <= east) || (east === 180 && lon === -180) : lon >= west || lon <= east;
          return lonOk && c.lat >= bbox.south && c.lat <= bbox.north;
        };
        const expected = sites.filter((s) => s.coordinates && inside(s.coordinates)).map((s) => s.id);
        assert.deepEqual(index.withinBounds(bbox).map((s) => s.id), expected);
      }),
      params,
    );
  });

  it('finds the nearest site across the antimeridian and with longitudes given past 180', () => {
    const index = createSiteIndex([
      { id: 'east', coordinates: { lat: -17.5, lon: 179.8 } },
      { id: 'west', coordinates: { lat: -17.5, lon: -179.5 } },
      { id: 'far', coordinates: { lat: -17.5, lon: 170 } },
    ]);
    assert.deepEqual(index.nearest({ lat: -17.5, lon: -179.9 }, { limit: 2 }).map((h) => h.site.id), ['east', 'west']);
    assert.deepEqual(index.nearest({ lat: -17.5, lon: 180.1 + 360 }, { limit: 1 }).map((h) => h.site.id), ['east']);
    assert.deepEqual(index.within({ lat: -17.5, lon: 180 }, 60).map((h) => h.site.id), ['east', 'west']);
  });

  it('finds every site just inside the circle, whatever its bearing, at every latitude', () => {
    const R = 6371;
    const RAD = Math.PI / 180;
    /** The point `km` from `from` on the initial bearing `deg`. */
    const destination = (from: LatLon, km: number, deg: number): LatLon => {
      const d = km / R;
      const b = deg * RAD;
      const lat1 = from.lat * RAD;
      const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
      const lon2 = from.lon * RAD + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
      return { lat: lat2 / RAD, lon: lon2 / RAD };
    };
    for (const from of [{ lat: 45, lon: 4.4 }, { lat: -21, lon: 55.5 }, { lat: 16.2, lon: -61.5 }, { lat: 4.9, lon: -52.3 }, { lat: 41.9, lon: 8.7 }, { lat: 0, lon: 179.9 }, { lat: 70, lon: 20 }]) {
      for (const km of [1, 20, 300, 2500]) {
        const sites = Array.from({ length: 72 }, (_, i) => ({ id: `b${String(i * 5)}`, coordinates: destination(from, km * 0.999, i * 5) }));
        const index = createSiteIndex(sites);
        assert.equal(index.within(from, km).length, 72, `within ${String(km)} km of ${JSON.stringify(from)}`);
        assert.equal(index.nearest(from, { limit: 72 }).length, 72);
        assert.equal(index.nearest(from, { limit: 100, maxDistanceKm: km }).length, 72);
        assert.equal(index.within(from, km * 0.99).length, 0);
      }
    }
  });

  it('finds a Réunion site from Réunion, never a metropolitan one', () => {
    const index = createSiteIndex([
      { id: 'saint-denis-974', coordinates: { lat: -20.882, lon: 55.45 } },
      { id: 'saint-denis-93', coordinates: { lat: 48.936, lon: 2.357 } },
    ]);
    const [hit] = index.nearest({ lat: -21.1, lon: 55.5 }, { limit: 1 });
    assert.equal(hit?.site.id, 'saint-denis-974');
    assert.ok(hit.distanceKm > 20 && hit.distanceKm < 30);
    assert.deepEqual(index.nearest({ lat: -21.1, lon: 55.5 }, { maxDistanceKm: 10 }), []);
  });
});
