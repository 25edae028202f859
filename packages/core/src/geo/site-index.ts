import KDBush from 'kdbush';
import { EARTH_RADIUS_KM, wrapLongitude } from './distance.js';

import type { LatLon } from './distance.js';

const RAD = Math.PI / 180;

/** What the index needs of a site: an id and, when known, its coordinates. */
export interface GeoSite {
  readonly id: string;
  readonly coordinates?: LatLon | undefined;
}

/** A site found by a query and its great-circle distance to the query point. */
export interface SiteHit<S extends GeoSite> {
  readonly site: S;
  readonly distanceKm: number;
}

/** Options of {@link SiteIndex.nearest}. */
export interface NearestOptions<S extends GeoSite> {
  /** How many sites at most. Default 10. */
  readonly limit?: number;
  /** Ignore sites farther than this. Default: no limit. */
  readonly maxDistanceKm?: number;
  /** Keep only the sites for which this returns true (e.g. "open now", "has a visio station"). */
  readonly filter?: (site: S) => boolean;
}

/** A bounding box in degrees. `west > east` means the box crosses the antimeridian. */
export interface BoundingBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** A static spatial index over sites, built once by {@link createSiteIndex}. */
export interface SiteIndex<S extends GeoSite> {
  /** Number of indexed sites (the ones with coordinates). */
  readonly size: number;
  /** Number of sites skipped because they have no coordinates. */
  readonly skipped: number;
  /** Ids of the skipped sites, in input order, to list them apart ("address only"). */
  readonly skippedIds: readonly string[];
  /** The nearest sites to `point`, closest first (ties by input order). */
  nearest(point: LatLon, options?: NearestOptions<S>): SiteHit<S>[];
  /** Every site within `radiusKm` of `point` (inclusive), closest first (ties by input order). */
  within(point: LatLon, radiusKm: number, filter?: (site: S) => boolean): SiteHit<S>[];
  /** The sites inside a bounding box (e.g. the map's view), in input order. */
  withinBounds(bbox: BoundingBox): S[];
}

/**
 * Builds a spatial index (a kdbush k-d tree over wrapped `[lon, lat]`, searched by boxes that hold
 * great circles) over the sites that have coordinates; the others are skipped and counted. Queries are exact:
 * they return what a linear scan with {@link distanceKm} returns, in metropolitan France,
 * Corsica and overseas alike, and longitudes outside [-180, 180] are wrapped.
 */
export function createSiteIndex<S extends GeoSite>(sites: readonly S[]): SiteIndex<S> {
  const indexed: S[] = [];
  const points: LatLon[] = [];
  const skippedIds: string[] = [];
  for (const site of sites) {
    const c = site.coordinates;
    if (c && Number.isFinite(c.lat) && Number.isFinite(c.lon)) {
      indexed.push(site);
      points.push({ lat: c.lat, lon: c.lon });
    } else skippedIds.push(site.id);
  }
  // cos(latitude) of every point, for the haversine of `inCircle` (one cosine per query instead of two per candidate).
  const cosLats = Float64Array.from(points, (p) => Math.cos(p.lat * RAD));
  const tree = new KDBush(Math.max(1, points.length));
  for (const p of points) tree.add(wrapLongitude(p.lon), p.lat);
  if (points.length === 0) tree.add(0, 0);
  tree.finish();
  const empty = points.length === 0;

  /** Ids of the sites in a box that holds the circle of `radiusKm` around `point`. */
  const boxIds = (point: LatLon, radiusKm: number): number[] => {
    const delta = radiusKm / EARTH_RADIUS_KM;
    const dLat = (delta / RAD) * (1 + 1e-9) + 1e-9;
    const south = point.lat - dLat;
    const north = point.lat + dLat;
    const sinDelta = Math.sin(delta);
    const cosLat = Math.cos(point.lat * RAD);
    // Half-width in longitude of a spherical cap; the whole band when it reaches a pole.
    const full = delta >= Math.PI / 2 || north >= 90 || south <= -90 || sinDelta >= cosLat;
    if (full) return tree.range(-180, south, 180, north);
    const dLon = (Math.asin(sinDelta / cosLat) / RAD) * (1 + 1e-9) + 1e-9;
    const west = wrapLongitude(point.lon - dLon);
    const east = wrapLongitude(point.lon + dLon);
    return west <= east
      ? tree.range(west, south, east, north)
      : [...tree.range(west, south, 180, north), ...tree.range(-180, south, east, north)];
  };

  /** The sites of `ids` within `radiusKm` that pass the filter, closest first, ties by input order. */
  const inCircle = (point: LatLon, ids: readonly number[], radiusKm: number, filter?: (site: S) => boolean) => {
    const found: { i: number; site: S; distanceKm: number }[] = [];
    const cosA = Math.cos(point.lat * RAD);
    for (const i of ids) {
      const p = points[i];
      const site = indexed[i];
      if (p === undefined || site === undefined) continue;
      // The haversine of distanceKm, with cos(latitude) of the site precomputed.
      const s1 = Math.sin(((p.lat - point.lat) * RAD) / 2);
      const s2 = Math.sin(((p.lon - point.lon) * RAD) / 2);
      const h = s1 * s1 + cosA * (cosLats[i] ?? 0) * s2 * s2;
      const d = 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
      if (d <= radiusKm && (!filter || filter(site))) found.push({ i, site, distanceKm: d });
    }
    return found.sort((a, b) => a.distanceKm - b.distanceKm || a.i - b.i);
  };
  const toHits = (found: readonly { site: S; distanceKm: number }[]): SiteHit<S>[] => found.map(({ site, distanceKm: d }) => ({ site, distanceKm: d }));

  const WORLD_KM = Math.PI * EARTH_RADIUS_KM;
  // First radius tried by nearest: the median distance to the 10th neighbour over a sample of
  // sites (most queries then need one or two box searches); 1 km until it is known.
  let typicalKm10 = 1;
  /**
   * Nearest by expanding circles: every site within `r` lies in the box around the circle of `r`,
   * so once `k` sites are found within `r`, they are the `k` nearest.
   */
  const nearest = (point: LatLon, k: number, maxKm: number, filter?: (site: S) => boolean): SiteHit<S>[] => {
    if (empty || k <= 0 || !(maxKm >= 0)) return [];
    let r = Math.min(maxKm, Math.max(0.1, typicalKm10 * Math.sqrt(k / 10) * 0.8));
    for (;;) {
      const found = inCircle(point, boxIds(point, r), r, filter);
      if (found.length >= k || r >= maxKm || r >= WORLD_KM) return toHits(found.slice(0, k));
      r = Math.min(maxKm, r * (found.length === 0 ? 4 : Math.min(4, Math.max(1.5, Math.sqrt(k / found.length) * 1.2))));
    }
  };
  if (!empty) {
    const step = Math.max(1, Math.floor(points.length / 63));
    const sample: number[] = [];
    for (let i = 0; i < points.length; i += step) {
      const p = points[i];
      const tenth = p ? nearest(p, 11, Infinity).at(-1) : undefined;
      if (tenth) sample.push(tenth.distanceKm);
    }
    sample.sort((a, b) => a - b);
    typicalKm10 = Math.max(0.1, sample[Math.floor(sample.length / 2)] ?? 1);
  }

  return {
    size: indexed.length,
    skipped: skippedIds.length,
    skippedIds,
    nearest: (point, options = {}) => nearest(point, Math.floor(options.limit ?? 10), options.maxDistanceKm ?? Infinity, options.filter),
    within: (point, radiusKm, filter) => (empty || !(radiusKm >= 0) ? [] : toHits(inCircle(point, boxIds(point, radiusKm), radiusKm, filter))),
    withinBounds: (bbox) => {
      if (empty) return [];
      const west = wrapLongitude(bbox.west);
      const east = bbox.east >= 180 ? 180 : wrapLongitude(bbox.east);
      // The tree holds longitudes in [-180, 180): a site at -180 is also on an east edge at 180.
      const ids = west <= east
        ? [...tree.range(west, bbox.south, east, bbox.north), ...(east >= 180 ? tree.range(-180, bbox.south, -180, bbox.north) : [])]
        : [...tree.range(west, bbox.south, 180, bbox.north), ...tree.range(-180, bbox.south, east, bbox.north)];
      return [...new Set(ids)].sort((a, b) => a - b).flatMap((i) => indexed[i] ?? []);
    },
  };
}
