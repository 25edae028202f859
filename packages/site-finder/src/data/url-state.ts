import type { AgencySector, VenueKind } from '@rsp/core/schemas.js';
import { NATIONAL } from './national.js';
import type { FinderFilters, FinderOrigin, FinderQuery } from './types.js';

/** The search state kept in the page URL. */
export type FinderUrlState = Partial<FinderQuery & { q: string; siteId: string }>;

/** What {@link readFinderUrl} read, and the parameters it dropped because their value was not valid. */
export type FinderUrlRead = FinderUrlState & {
  /** Names of the parameters whose value was not valid (with the prefix), in URL order; absent when none. */
  readonly dropped?: readonly string[];
};

/**
 * Parameter names, after the prefix:
 * - `q`: the text typed (at most 200 characters);
 * - `near`: `lat,lon` of the origin (decimal degrees, 5 decimals written), with
 *   `place` its label (at most 200 characters) and `from` its kind (`place`, `map`, `site`);
 * - `radius`: kilometres, over 0 and at most 1000;
 * - `agency`, `service`, `venue`: the filters (an id, a sector or national partner code, a venue kind);
 * - `open`, `visio`, `rdv`: `1` when the filter is on;
 * - `site`: the id of the site open in the detail panel.
 */
export const FINDER_URL_PARAMS = ['q', 'near', 'place', 'from', 'radius', 'agency', 'service', 'venue', 'open', 'visio', 'rdv', 'site'] as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
// The codes of core's enums as records that the compiler checks are complete (a
// value added to core fails typechecking here; national partners: national.ts).
// Reading them from the zod enums would put zod in every page's bundle.
const SECTORS: Readonly<Record<AgencySector, 1>> = { social: 1, 'employment-training': 1, other: 1 };
const VENUE_KINDS: Readonly<Record<VenueKind, 1>> = {
  'cyber-base': 1,
  epn: 1,
  'town-hall': 1,
  'community-house': 1,
  library: 1,
  'france-services': 1,
  itinerant: 1,
  other: 1,
};
const SERVICES = new Set(Object.keys({ ...SECTORS, ...NATIONAL }));
const VENUES = new Set(Object.keys(VENUE_KINDS));
const ORIGIN_KINDS = new Set<string>(['place', 'map', 'site']);
const NUMBER = /^-?\d{1,3}(?:\.\d{1,12})?$/;
const MAX_TEXT = 200;

/** A string without control characters, trimmed, at most 200 characters; `undefined` when empty or too long. */
function cleanText(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return text === '' || text.length > MAX_TEXT ? undefined : text;
}

function readNear(value: string): { lat: number; lon: number } | undefined {
  const parts = value.split(',');
  if (parts.length !== 2) return undefined;
  const [a, b] = parts.map((p) => p.trim());
  if (!a || !b || !NUMBER.test(a) || !NUMBER.test(b)) return undefined;
  const lat = Number(a);
  const lon = Number(b);
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 ? { lat, lon } : undefined;
}

function readFlag(value: string): boolean | undefined | null {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false' || value === '') return undefined;
  return null;
}

/**
 * Reads the shareable search state from a URL's query parameters (see
 * {@link FINDER_URL_PARAMS}, each with `prefix`). Every value is checked: a bad one
 * is left out and its parameter named in `dropped`; nothing throws. An origin
 * needs a valid `near`; its label defaults to the coordinates.
 */
export function readFinderUrl(url: URL, prefix = 'rsp-'): FinderUrlRead {
  const params = url.searchParams;
  const dropped: string[] = [];
  const get = (name: string): string | undefined => params.get(`${prefix}${name}`) ?? undefined;
  const drop = (name: string): void => {
    dropped.push(`${prefix}${name}`);
  };
  const state: { -readonly [K in keyof FinderUrlState]: FinderUrlState[K] } = {};
  const filters: { -readonly [K in keyof FinderFilters]: FinderFilters[K] } = {};
  let touchedFilters = false;

  const q = get('q');
  if (q !== undefined) {
    const text = cleanText(q);
    if (text === undefined) {
      if (q.trim() !== '') drop('q');
    } else state.q = text;
  }
  const near = get('near');
  if (near !== undefined) {
    const point = readNear(near);
    if (!point) drop('near');
    else {
      const placeRaw = get('place');
      const place = placeRaw === undefined ? undefined : cleanText(placeRaw);
      if (placeRaw !== undefined && place === undefined) drop('place');
      const fromRaw = get('from');
      const kind = fromRaw !== undefined && ORIGIN_KINDS.has(fromRaw) ? (fromRaw as FinderOrigin['kind']) : 'place';
      if (fromRaw !== undefined && !ORIGIN_KINDS.has(fromRaw)) drop('from');
      state.origin = { lat: point.lat, lon: point.lon, label: place ?? `${String(point.lat)}, ${String(point.lon)}`, kind };
    }
  }
  const radius = get('radius');
  if (radius !== undefined) {
    const km = /^\d{1,4}(?:\.\d{1,3})?$/.test(radius.trim()) ? Number(radius) : Number.NaN;
    if (km > 0 && km <= 1000) {
      filters.radiusKm = km;
      touchedFilters = true;
    } else drop('radius');
  }
  const agency = get('agency');
  if (agency !== undefined) {
    if (ID.test(agency)) {
      filters.agency = agency;
      touchedFilters = true;
    } else drop('agency');
  }
  const service = get('service');
  if (service !== undefined) {
    if (SERVICES.has(service)) {
      filters.service = service;
      touchedFilters = true;
    } else drop('service');
  }
  const venue = get('venue');
  if (venue !== undefined) {
    if (VENUES.has(venue)) {
      filters.venueKind = venue as VenueKind;
      touchedFilters = true;
    } else drop('venue');
  }
  for (const [name, key] of [['open', 'openNow'], ['visio', 'visio'], ['rdv', 'appointments']] as const) {
    const raw = get(name);
    if (raw === undefined) continue;
    const flag = readFlag(raw);
    if (flag === null) drop(name);
    else if (flag) {
      filters[key] = true;
      touchedFilters = true;
    }
  }
  const site = get('site');
  if (site !== undefined) {
    if (ID.test(site)) state.siteId = site;
    else drop('site');
  }
  if (touchedFilters) state.filters = filters;
  return dropped.length > 0 ? { ...state, dropped } : state;
}

const round = (x: number): string => String(Math.round(x * 1e5) / 1e5);

/**
 * A copy of `url` with the search state written in its query parameters (each
 * name with `prefix`); the page's other parameters are kept, the finder's old ones
 * replaced. Empty values are left out. An origin from the user's geolocation is
 * not written: a shared link must not carry where the user stands.
 */
export function writeFinderUrl(url: URL, state: FinderUrlState, prefix = 'rsp-'): URL {
  const out = new URL(url.href);
  for (const name of FINDER_URL_PARAMS) out.searchParams.delete(`${prefix}${name}`);
  const set = (name: string, value: string): void => {
    out.searchParams.set(`${prefix}${name}`, value);
  };
  const q = state.q === undefined ? undefined : cleanText(state.q);
  if (q !== undefined) set('q', q);
  const origin = state.origin;
  if (origin && origin.kind !== 'geolocation' && Number.isFinite(origin.lat) && Number.isFinite(origin.lon)) {
    set('near', `${round(origin.lat)},${round(origin.lon)}`);
    const label = cleanText(origin.label);
    if (label !== undefined) set('place', label);
    if (origin.kind !== 'place') set('from', origin.kind);
  }
  const f = state.filters ?? {};
  if (f.radiusKm !== undefined && f.radiusKm > 0 && f.radiusKm <= 1000) set('radius', String(Math.round(f.radiusKm * 1000) / 1000));
  if (f.agency !== undefined && ID.test(f.agency)) set('agency', f.agency);
  if (f.service !== undefined && SERVICES.has(f.service)) set('service', f.service);
  if (f.venueKind !== undefined && VENUES.has(f.venueKind)) set('venue', f.venueKind);
  if (f.openNow === true) set('open', '1');
  if (f.visio === true) set('visio', '1');
  if (f.appointments === true) set('rdv', '1');
  if (state.siteId !== undefined && ID.test(state.siteId)) set('site', state.siteId);
  return out;
}
