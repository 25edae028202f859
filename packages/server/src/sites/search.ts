import type { BoundingBox, LatLon } from '@rsp/core/geo.js';
import type { Locale } from '@rsp/core/locale.js';
import type { Site, VenueKind } from '@rsp/core/schemas.js';
import type { CatalogSnapshot } from '../catalog.js';
import type { FieldProblem } from '../api/problems.js';
import { networkFacts } from './facts.js';
import type { ServiceFilter } from './facts.js';

/** Largest accepted `radius`: a little more than half the Earth's circumference, so any point is in reach. */
export const MAX_RADIUS_KM = 20_100;

/** The geographic parameters of a site search, once read. */
export interface GeoQuery {
  readonly near?: LatLon;
  readonly radiusKm?: number;
  readonly bbox?: BoundingBox;
}

/** The raw geographic parameters of the query string. */
export interface RawGeoQuery {
  readonly near?: string | undefined;
  readonly radius?: string | undefined;
  readonly bbox?: string | undefined;
}

const NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/** The numbers of a comma-separated list, or `undefined` when one is not a plain decimal number. */
function numbers(text: string, count: number): number[] | undefined {
  const parts = text.split(',');
  if (parts.length !== count || !parts.every((p) => NUMBER.test(p))) return undefined;
  return parts.map(Number);
}

/** A value as the caller sent it, cut to a readable length for a message. */
const shown = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

const words = (locale: Locale, fr: string, en: string): string => (locale === 'fr' ? fr : en);

/**
 * Reads `near=lat,lon`, `radius` (km, with `near`) and `bbox=west,south,east,north`
 * (degrees, WGS 84; `west > east` crosses the antimeridian). Returns the
 * values, or one problem per wrong parameter in the request's language.
 */
export function readGeoQuery(raw: RawGeoQuery, locale: Locale): { ok: true; value: GeoQuery } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  let near: LatLon | undefined;
  let radiusKm: number | undefined;
  let bbox: BoundingBox | undefined;

  if (raw.near !== undefined) {
    const values = numbers(raw.near, 2);
    const [lat = NaN, lon = NaN] = values ?? [];
    if (!values) {
      errors.push({
        path: 'near',
        message: words(locale, `doit être « latitude,longitude » en degrés décimaux, par exemple 44.7811,1.7256 (reçu « ${shown(raw.near)} »)`, `must be "latitude,longitude" in decimal degrees, for example 44.7811,1.7256 (got "${shown(raw.near)}")`),
      });
    } else if (lat < -90 || lat > 90) errors.push({ path: 'near', message: words(locale, `a une latitude hors de -90 à 90 degrés (reçu ${String(lat)})`, `has a latitude outside -90 to 90 degrees (got ${String(lat)})`) });
    else if (lon < -180 || lon > 180) errors.push({ path: 'near', message: words(locale, `a une longitude hors de -180 à 180 degrés (reçu ${String(lon)})`, `has a longitude outside -180 to 180 degrees (got ${String(lon)})`) });
    else near = { lat, lon };
  }

  if (raw.radius !== undefined) {
    const value = NUMBER.test(raw.radius) ? Number(raw.radius) : NaN;
    if (raw.near === undefined) errors.push({ path: 'radius', message: words(locale, 'ne sert qu’avec near=latitude,longitude', 'only works with near=latitude,longitude') });
    else if (Number.isNaN(value)) errors.push({ path: 'radius', message: words(locale, `doit être une distance en kilomètres, par exemple 20 (reçu « ${shown(raw.radius)} »)`, `must be a distance in kilometres, for example 20 (got "${shown(raw.radius)}")`) });
    else if (value <= 0 || value > MAX_RADIUS_KM)
      errors.push({
        path: 'radius',
        message: words(locale, `doit être supérieur à 0 et d’au plus ${String(MAX_RADIUS_KM)} km (reçu ${String(value)})`, `must be more than 0 and at most ${String(MAX_RADIUS_KM)} km (got ${String(value)})`),
      });
    else radiusKm = value;
  }

  if (raw.bbox !== undefined) {
    const values = numbers(raw.bbox, 4);
    const [west = NaN, south = NaN, east = NaN, north = NaN] = values ?? [];
    if (!values)
      errors.push({
        path: 'bbox',
        message: words(locale, `doit être « ouest,sud,est,nord » en degrés décimaux, par exemple 1.2,44.5,2.1,45.0 (reçu « ${shown(raw.bbox)} »)`, `must be "west,south,east,north" in decimal degrees, for example 1.2,44.5,2.1,45.0 (got "${shown(raw.bbox)}")`),
      });
    else if ([west, east].some((lon) => lon < -180 || lon > 180))
      errors.push({ path: 'bbox', message: words(locale, 'a une longitude (ouest ou est) hors de -180 à 180 degrés', 'has a longitude (west or east) outside -180 to 180 degrees') });
    else if ([south, north].some((lat) => lat < -90 || lat > 90))
      errors.push({ path: 'bbox', message: words(locale, 'a une latitude (sud ou nord) hors de -90 à 90 degrés', 'has a latitude (south or north) outside -90 to 90 degrees') });
    else if (south > north)
      errors.push({ path: 'bbox', message: words(locale, `a son bord sud (${String(south)}) au nord de son bord nord (${String(north)}) : l’ordre est ouest,sud,est,nord`, `has its south edge (${String(south)}) north of its north edge (${String(north)}): the order is west,south,east,north`) });
    else bbox = { west, south, east, north };
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...(near ? { near } : {}), ...(radiusKm === undefined ? {} : { radiusKm }), ...(bbox ? { bbox } : {}) } };
}

/** The filters of a site search. */
export interface SiteSearch extends GeoQuery {
  readonly agency?: string | undefined;
  readonly service?: ServiceFilter | undefined;
  readonly venueKind?: VenueKind | undefined;
  readonly openNow?: boolean | undefined;
  readonly visio?: boolean | undefined;
  /** Only sites with coordinates (GeoJSON answers). */
  readonly located?: boolean | undefined;
  readonly limit: number;
  readonly offset: number;
  /** The instant of "open now". */
  readonly now: Date;
}

/** A page of a site search: the hits and how many sites match in all. */
export interface SiteSearchResult {
  readonly total: number;
  readonly items: readonly { readonly site: Site; readonly distanceKm?: number }[];
}

/** Whether a point is inside a box (edges included; `west > east` crosses the antimeridian). */
export function inBox(point: LatLon, box: BoundingBox): boolean {
  if (point.lat < box.south || point.lat > box.north) return false;
  return box.west <= box.east ? point.lon >= box.west && point.lon <= box.east : point.lon >= box.west || point.lon <= box.east;
}

/** A distance rounded to the metre, as answers give it. */
const metres = (km: number): number => Math.round(km * 1000) / 1000;

/**
 * Searches the sites of a catalog snapshot, in memory: the filters, then
 * either the nearest first (with `near`, through the snapshot's k-d tree;
 * sites without coordinates left out) or the catalog's order (by id). `total`
 * counts every match, `items` is the page `[offset, offset + limit)`.
 */
export function searchSites(snapshot: CatalogSnapshot, search: SiteSearch): SiteSearchResult {
  const facts = networkFacts(snapshot);
  const { agency, service, venueKind, openNow, visio, bbox, near, located } = search;
  const keep = (site: Site): boolean => {
    if (venueKind !== undefined && site.venueKind !== venueKind) return false;
    if ((located === true || bbox !== undefined) && !site.coordinates) return false;
    if (bbox && site.coordinates && !inBox(site.coordinates, bbox)) return false;
    if (agency !== undefined || service !== undefined || visio === true) {
      const f = facts.of(site);
      if (agency !== undefined && !f.agencyIds.has(agency)) return false;
      if (service !== undefined && !f.services.has(service)) return false;
      if (visio === true && !f.visio) return false;
    }
    if (openNow === true && facts.openAt(site, search.now) !== true) return false;
    return true;
  };
  const end = search.offset + search.limit;
  const unfiltered = venueKind === undefined && bbox === undefined && agency === undefined && service === undefined && visio !== true && openNow !== true;

  if (near) {
    if (search.radiusKm !== undefined) {
      const hits = snapshot.index.within(near, search.radiusKm, keep);
      return { total: hits.length, items: hits.slice(search.offset, end).map((h) => ({ site: h.site, distanceKm: metres(h.distanceKm) })) };
    }
    let total = unfiltered ? snapshot.index.size : 0;
    if (!unfiltered) for (const site of snapshot.sites) if (site.coordinates && keep(site)) total += 1;
    const hits = end > 0 ? snapshot.index.nearest(near, unfiltered ? { limit: end } : { limit: end, filter: keep }) : [];
    return { total, items: hits.slice(search.offset).map((h) => ({ site: h.site, distanceKm: metres(h.distanceKm) })) };
  }

  const candidates = bbox ? snapshot.index.withinBounds(bbox) : snapshot.sites;
  const matched = unfiltered && located !== true ? candidates : candidates.filter(keep);
  return { total: matched.length, items: matched.slice(search.offset, end).map((site) => ({ site })) };
}
