import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClusterIndex } from '../src/map/clusters.js';
import type { ClusterPoint, ClusterView, MapFeature } from '../src/map/clusters.js';

const FRANCE: Omit<ClusterView, 'zoom'> = { west: -5.5, south: 41, east: 10, north: 51.5 };
const options = { radius: 64, maxZoom: 14 };

/** A deterministic scatter over metropolitan France (a linear congruential generator). */
function scatter(count: number, seed = 1): ClusterPoint[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => ({ lat: 42.5 + next() * 8, lon: -4 + next() * 11.5 }));
}

/** The item at `i`, which the test knows is there. */
function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${String(i)}`);
  return item;
}

const count = (features: readonly MapFeature[]): number => features.reduce((sum, f) => sum + (f.kind === 'cluster' ? f.count : 1), 0);

/** Pixel position at a zoom (Web Mercator, 256-pixel tiles). */
function pixel(point: ClusterPoint, zoom: number): [number, number] {
  const scale = 256 * 2 ** zoom;
  const sin = Math.sin((point.lat * Math.PI) / 180);
  return [(point.lon / 360 + 0.5) * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale];
}

describe('map clusters (made per view)', () => {
  it('finds nothing in an empty index', () => {
    const index = createClusterIndex([], options);
    assert.equal(index.size, 0);
    assert.deepEqual(index.features({ ...FRANCE, zoom: 5 }), []);
  });

  it('counts every point of the view exactly once, at every zoom', () => {
    const points = scatter(5000);
    const index = createClusterIndex(points, options);
    for (let zoom = 2; zoom <= 16; zoom++) {
      const features = index.features({ ...FRANCE, zoom });
      assert.equal(count(features), 5000, `zoom ${String(zoom)}`);
      const singles = features.filter((f) => f.kind === 'point').map((f) => f.index);
      assert.equal(new Set(singles).size, singles.length, 'no point twice');
    }
  });

  it('keeps markers more than a cluster radius apart, so a view holds a bounded number of them', () => {
    const points = scatter(30000, 7);
    const index = createClusterIndex(points, options);
    for (const zoom of [5, 8, 11]) {
      const features = index.features({ ...FRANCE, zoom });
      const seeds = features.map((f) => (f.kind === 'point' ? (at(points, f.index)) : { lat: f.lat, lon: f.lon }));
      // Lone points are seeds: no two of them are within the radius of each other.
      const lone = features.filter((f) => f.kind === 'point').map((f) => pixel(at(points, f.index), zoom));
      for (let i = 0; i < Math.min(lone.length, 300); i++) {
        for (let j = i + 1; j < lone.length; j++) {
          const [ax, ay] = at(lone, i);
          const [bx, by] = at(lone, j);
          assert.ok((ax - bx) ** 2 + (ay - by) ** 2 > 64 ** 2, `two lone points within the radius at zoom ${String(zoom)}`);
        }
      }
      assert.ok(seeds.length > 0);
    }
    // A 1280 × 900 view (padded by a quarter on each side) at zoom 11 around Lyon.
    const lyon = index.features({ west: 3.9, south: 45.35, east: 5.8, north: 46.15, zoom: 11 });
    assert.ok(lyon.length < 700, `${String(lyon.length)} markers`);
  });

  it('groups two close sites at a low zoom and parts them when zoomed in, with their mean and box', () => {
    const points: ClusterPoint[] = [
      { lat: 44.78, lon: 1.72 },
      { lat: 44.79, lon: 1.73 },
      { lat: 43.6, lon: 1.44 },
    ];
    const index = createClusterIndex(points, options);
    const low = index.features({ ...FRANCE, zoom: 8 });
    const cluster = low.find((f) => f.kind === 'cluster');
    assert.ok(cluster?.kind === 'cluster');
    assert.equal(cluster.count, 2);
    assert.ok(Math.abs(cluster.lat - 44.785) < 1e-9 && Math.abs(cluster.lon - 1.725) < 1e-9);
    assert.deepEqual(cluster.bounds, [44.78, 1.72, 44.79, 1.73]);
    assert.deepEqual(low.filter((f) => f.kind === 'point').map((f) => f.index), [2]);
    const high = index.features({ ...FRANCE, zoom: 14 });
    assert.deepEqual(high.map((f) => (f.kind === 'point' ? f.index : -1)).sort(), [0, 1, 2]);
  });

  it('shows every point on its own above the last clustered zoom, even at the same place', () => {
    const points: ClusterPoint[] = [
      { lat: 44.78, lon: 1.72 },
      { lat: 44.78, lon: 1.72 },
    ];
    const index = createClusterIndex(points, options);
    assert.equal(index.features({ ...FRANCE, zoom: 14 }).length, 1);
    assert.equal(index.features({ ...FRANCE, zoom: 15 }).length, 2);
    assert.equal(index.zoomAlone(0, 3), 15);
  });

  it('tells from which zoom a site is alone (no other within the radius)', () => {
    // About 1.1 km apart: 64 pixels are 1.1 km around zoom 11 at this latitude.
    const points: ClusterPoint[] = [
      { lat: 44.78, lon: 1.72 },
      { lat: 44.79, lon: 1.72 },
    ];
    const index = createClusterIndex(points, options);
    const zoom = index.zoomAlone(0, 2);
    const [, y0] = pixel(at(points, 0), zoom);
    const [, y1] = pixel(at(points, 1), zoom);
    assert.ok(Math.abs(y0 - y1) > 64, 'alone: more than the radius apart');
    const [, b0] = pixel(at(points, 0), zoom - 1);
    const [, b1] = pixel(at(points, 1), zoom - 1);
    assert.ok(Math.abs(b0 - b1) <= 64, 'one zoom lower they are within the radius');
    assert.equal(index.zoomAlone(0, zoom + 2), zoom + 2);
    // And at that zoom, the view shows it as a lone point.
    assert.ok(index.features({ ...FRANCE, zoom }).some((f) => f.kind === 'point' && f.index === 0));
  });

  it('finds points on both sides of the antimeridian', () => {
    const points: ClusterPoint[] = [
      { lat: -17.7, lon: 178.4 },
      { lat: -14.3, lon: -178.1 },
      { lat: 0, lon: 0 },
    ];
    const index = createClusterIndex(points, options);
    const found = index.features({ west: 170, south: -30, east: -170, north: 0, zoom: 6 });
    assert.deepEqual(found.map((f) => (f.kind === 'point' ? f.index : -1)).sort(), [0, 1]);
  });

  it('gives a cluster the same key while the same points form it', () => {
    const points = scatter(2000, 3);
    const index = createClusterIndex(points, options);
    const a = index.features({ ...FRANCE, zoom: 6 }).filter((f) => f.kind === 'cluster').map((f) => f.key);
    const b = index.features({ ...FRANCE, zoom: 6 }).filter((f) => f.kind === 'cluster').map((f) => f.key);
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, a.length);
  });
});
