/**
 * French public holidays (*jours fériés*), computed: the 11 national ones and
 * the 2 more of Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle). Current rules
 * applied to any year (they hold from 1982, when 8 May became a holiday
 * again). Overseas departments' own days are not included.
 *
 * @module
 */

/** Which list of public holidays applies: mainland France, or Alsace-Moselle (adds Good Friday and 26 December). */
export type HolidayRegion = 'france' | 'alsace-moselle';

/** One public holiday. */
export interface PublicHoliday {
  /** `'YYYY-MM-DD'`. */
  readonly date: string;
  /** Its French name, e.g. `'Lundi de Pâques'`. */
  readonly name: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The date of Easter Sunday of a Gregorian year, `'YYYY-MM-DD'`
 * (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
 *
 * @example
 * easterSunday(2026) // '2026-04-05'
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return `${year}-${pad(Math.floor(n / 31))}-${pad((n % 31) + 1)}`;
}

/** Fixed holidays: [month, day, name, Alsace-Moselle only]. */
const FIXED: readonly (readonly [number, number, string, boolean])[] = [
  [1, 1, 'Jour de l’an', false],
  [5, 1, 'Fête du Travail', false],
  [5, 8, 'Victoire 1945', false],
  [7, 14, 'Fête nationale', false],
  [8, 15, 'Assomption', false],
  [11, 1, 'Toussaint', false],
  [11, 11, 'Armistice 1918', false],
  [12, 25, 'Noël', false],
  [12, 26, 'Saint-Étienne', true],
];

/** Movable holidays: [days after Easter Sunday, name, Alsace-Moselle only]. */
const MOVABLE: readonly (readonly [number, string, boolean])[] = [
  [-2, 'Vendredi saint', true],
  [1, 'Lundi de Pâques', false],
  [39, 'Ascension', false],
  [50, 'Lundi de Pentecôte', false],
];

const cache = new Map<string, readonly PublicHoliday[]>();
const dateCache = new Map<string, ReadonlySet<string>>();

/**
 * The public holidays of a year, sorted by date: 11 in France, 13 in
 * Alsace-Moselle (Ascension falls on 1 or 8 May in some years: both days
 * are then listed, with the same date).
 *
 * @example
 * publicHolidays(2026).map((h) => h.date) // ['2026-01-01', '2026-04-06', '2026-05-01', …, '2026-12-25']
 */
export function publicHolidays(year: number, region: HolidayRegion = 'france'): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Invalid year ${year}`);
  const key = `${year}${region}`;
  const cached = cache.get(key);
  if (cached) return [...cached];
  const alsace = region === 'alsace-moselle';
  const easter = Date.parse(easterSunday(year));
  const list: PublicHoliday[] = [];
  for (const [month, day, name, local] of FIXED) {
    if (alsace || !local) list.push({ date: `${year}-${pad(month)}-${pad(day)}`, name });
  }
  for (const [offset, name, local] of MOVABLE) {
    if (alsace || !local) list.push({ date: new Date(easter + offset * 86_400_000).toISOString().slice(0, 10), name });
  }
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
  cache.set(key, frozen);
  return [...frozen];
}

/**
 * Whether a `'YYYY-MM-DD'` date is a public holiday in a region (default
 * mainland France). A malformed date is not a holiday.
 *
 * @example
 * isPublicHoliday('2026-05-01') // true
 * isPublicHoliday('2026-04-03') // false (Good Friday)
 * isPublicHoliday('2026-04-03', 'alsace-moselle') // true
 */
export function isPublicHoliday(date: string, region: HolidayRegion = 'france'): boolean {
  const year = Number(date.slice(0, 4));
  if (!/^\d{4}-\d\d-\d\d$/.test(date) || year < 1583) return false;
  const key = `${year}${region}`;
  let dates = dateCache.get(key);
  if (!dates) {
    dates = new Set(publicHolidays(year, region).map((h) => h.date));
    dateCache.set(key, dates);
  }
  return dates.has(date);
}
