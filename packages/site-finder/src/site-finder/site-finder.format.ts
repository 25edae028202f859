import { dayOpenRanges, formatTime, safeParseOpeningHours } from '@rsp/core/hours.js';

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

/** One day of presence: the weekday written in the locale, and its ranges ("09:00–12:00"). */
export interface PresenceDay {
  readonly day: string;
  readonly ranges: string;
  readonly appointmentOnly: boolean;
}

function parisDate(date: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/**
 * The days of the coming week (from `now`, Monday first) on which presence
 * hours in OSM syntax say someone is there. `undefined` when the text does
 * not parse; `[]` when it never opens in that week.
 */
export function presenceDays(text: string, now: Date, intlLocale: string): PresenceDay[] | undefined {
  const parsed = safeParseOpeningHours(text);
  if (!parsed.success) return undefined;
  const weekday = new Intl.DateTimeFormat(intlLocale, { timeZone: 'Europe/Paris', weekday: 'long' });
  const isoDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short' });
  const order = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const days: (PresenceDay & { order: number })[] = [];
  const [year, month, day] = parisDate(now).split('-').map(Number) as [number, number, number];
  for (let i = 0; i < 7; i++) {
    // Noon UTC is the same calendar day in Paris, whatever the clock change.
    const date = new Date(Date.UTC(year, month - 1, day + i, 12));
    const ranges = dayOpenRanges(parsed.value, parisDate(date));
    if (ranges.length === 0) continue;
    days.push({
      order: order.indexOf(isoDay.format(date)),
      day: weekday.format(date),
      ranges: ranges.map((r) => `${formatTime(r.from)}–${formatTime(r.to)}`).join(', '),
      appointmentOnly: ranges.every((r) => r.appointmentOnly),
    });
  }
  return days.sort((a, b) => a.order - b.order).map(({ day, ranges, appointmentOnly }) => ({ day, ranges, appointmentOnly }));
}
