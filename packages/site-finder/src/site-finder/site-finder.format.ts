/** The filters a host page can show, in the order they are laid out. */
export const FILTER_NAMES = ['agency', 'service', 'venue-kind', 'open-now', 'visio', 'appointments', 'radius'] as const;
export type FinderFilterName = (typeof FILTER_NAMES)[number];

export const DEFAULT_RADIUS_KM = 20;
export const RADIUS_CHOICES: readonly number[] = [5, 10, 20, 30, 50, 100];

function warn(attribute: string, value: string, expected: string, fallback: string): void {
  console.warn(`[rsp-site-finder] ${attribute}="${value}" is not valid (${expected}); using ${fallback}.`);
}

/** `center="lat,lon"`: the point; `undefined` (the map shows metropolitan France) when absent or invalid, with a warning. */
export function parseCenter(value: string | null | undefined): readonly [lat: number, lon: number] | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const parts = value.split(',').map((p) => p.trim());
  const lat = Number(parts[0]);
  const lon = Number(parts[1]);
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    return [lat, lon];
  }
  warn('center', value, 'expected "latitude,longitude" in degrees, e.g. "44.78,1.72"', 'the default view of metropolitan France');
  return undefined;
}

/** `zoom`: an integer from 2 to 19; `undefined` (the map's default) when absent or invalid, with a warning. */
export function parseZoom(value: number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (Number.isInteger(value) && value >= 2 && value <= 19) return value;
  warn('zoom', String(value), 'expected a whole number from 2 to 19', 'the default zoom');
  return undefined;
}

/** `radius` in km: a positive number up to 1000, or the default with a warning. */
export function parseRadius(value: number | undefined): number {
  if (value === undefined) return DEFAULT_RADIUS_KM;
  if (Number.isFinite(value) && value > 0 && value <= 1000) return value;
  warn('radius', String(value), 'expected a distance in kilometres, greater than 0 and at most 1000', `the default ${DEFAULT_RADIUS_KM}`);
  return DEFAULT_RADIUS_KM;
}

/** `filters="agency,radius"`: the filters to show. Unknown names are warned about and left out. */
export function parseFilterNames(value: string | null | undefined): ReadonlySet<FinderFilterName> {
  if (value === null || value === undefined) return new Set(FILTER_NAMES);
  const names = new Set<FinderFilterName>();
  for (const raw of value.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if ((FILTER_NAMES as readonly string[]).includes(name)) names.add(name as FinderFilterName);
    else warn('filters', value, `"${name}" is not one of ${FILTER_NAMES.join(', ')}`, 'the known names only');
  }
  return names;
}

/** A link to OpenStreetMap's directions to a point. */
export function routeUrl(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/directions?to=${lat.toFixed(6)},${lon.toFixed(6)}`;
}

/** A website only when it is a plain https URL (never `javascript:`, `data:` or `http:`). */
export function safeWebsite(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `tel:` link for a French phone number as written in the data. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** A `mailto:` link, only for something that looks like one address. */
export function mailHref(email: string): string | undefined {
  return /^[^\s@:/?#]+@[^\s@:/?#]+$/.test(email) ? `mailto:${email}` : undefined;
}
