/** A point in WGS 84 decimal degrees (the shape of a site's `coordinates`). */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** Mean Earth radius in kilometres (the sphere of the haversine formula). */
export const EARTH_RADIUS_KM = 6371;

const RAD = Math.PI / 180;

/**
 * Brings a longitude into [-180, 180): `190` becomes `-170`, `-540` becomes `180`'s twin `-180`.
 * Latitudes are not touched.
 */
export function wrapLongitude(lon: number): number {
  if (lon >= -180 && lon < 180) return lon;
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * Great-circle distance in kilometres between two points (haversine on a sphere of
 * {@link EARTH_RADIUS_KM}). Longitudes may be given outside [-180, 180]: the difference is
 * taken on the circle, so a point at 179.9° and one at -179.9° are 22 km apart at the equator.
 * Error against the WGS 84 ellipsoid is under 0.5 %, far below what a site finder shows.
 */
export function distanceKm(a: LatLon, b: LatLon): number {
  const s1 = Math.sin(((b.lat - a.lat) * RAD) / 2);
  const s2 = Math.sin(((b.lon - a.lon) * RAD) / 2);
  const h = s1 * s1 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
