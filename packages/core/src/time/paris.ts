/**
 * Europe/Paris wall-clock time and calendar dates, with `Intl.DateTimeFormat`
 * only (no time-zone database of our own, no dependency).
 *
 * Two kinds of values meet here:
 * - an **instant** is a `Date` (a point on the time line, UTC inside);
 * - a **wall time** is what a clock on a wall in Paris shows: a calendar date
 *   (`'YYYY-MM-DD'`) and an hour and minute.
 *
 * Twice a year they do not map one to one. On the last Sunday of March the
 * clocks jump from 02:00 to 03:00: wall times 02:00–02:59 do not exist, and
 * {@link fromParis} maps them forward to the first valid instant (03:00 CEST).
 * On the last Sunday of October the clocks go back from 03:00 to 02:00: wall
 * times 02:00–02:59 happen twice, and {@link fromParis} picks the first
 * occurrence (CEST, UTC+2). In both cases `fromParis(w)` is the earliest
 * instant whose wall time is `w` or later.
 *
 * The offset is read from `Intl` once per UTC hour and cached: this relies on
 * Paris changing its offset only on whole UTC hours, which holds since 1911.
 *
 * @module
 */

/** The IANA time zone of every wall time in RSP Kit. */
export const PARIS_TIME_ZONE = 'Europe/Paris';

/** A day of the week, ISO 8601 numbering: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A calendar date (proleptic Gregorian), month 1–12, day 1–31. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The Paris wall clock at an instant, as returned by {@link toParis}. */
export interface ParisDateTime extends CalendarDate {
  /** 0–23. */
  readonly hour: number;
  /** 0–59. */
  readonly minute: number;
  /** 0–59. */
  readonly second: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: IsoWeekday;
}

/**
 * A Paris wall time to turn into an instant with {@link fromParis}. Missing
 * time fields are 0. Fields overflow like `Date.UTC`'s: `{ hour: 24 }` is
 * midnight of the next day, `{ minute: 90 }` is 01:30, `{ day: 0 }` the last
 * day of the previous month.
 */
export interface ParisWallTime extends CalendarDate {
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
}

/** An ISO 8601 week: `week` 1–53 of ISO week-numbering `year`. */
export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

/** An interval of instants `[start, end)`. */
export interface InstantRange {
  readonly start: Date;
  readonly end: Date;
}

const HOUR = 3_600_000;
/** Milliseconds in a day (of wall time). */
export const DAY_MS = 86_400_000;

let formatter: Intl.DateTimeFormat | undefined;
const offsetCache = new Map<number, number>();

function invalid(what: string): never {
  throw new RangeError(`Invalid ${what}`);
}

/**
 * The offset of Paris wall time from UTC, in milliseconds, at the instant
 * `ms` (3 600 000 in winter, 7 200 000 in summer). Internal: cached per UTC
 * hour.
 */
export function parisOffsetMs(ms: number): number {
  const bucket = Math.floor(ms / HOUR);
  const cached = offsetCache.get(bucket);
  if (cached !== undefined) return cached;
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: PARIS_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const at = bucket * HOUR;
  const f: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) f[part.type] = Number(part.value);
  const wall = Date.UTC(f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1, (f.hour ?? 0) % 24, f.minute ?? 0, f.second ?? 0);
  const offset = wall - at;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(bucket, offset);
  return offset;
}

/** The Paris wall time of the instant `ms`, as milliseconds of a UTC-based time line. Internal. */
export function wallMs(ms: number): number {
  return ms + parisOffsetMs(ms);
}

/**
 * The earliest instant (epoch milliseconds) whose Paris wall time is `wall`
 * or later, `wall` being wall time in milliseconds on a UTC-based time line
 * (`Date.UTC(...)` of the wall fields). Internal; see {@link fromParis}.
 */
export function instantOfWallMs(wall: number): number {
  if (!Number.isFinite(wall)) invalid('wall time');
  const before = wall - parisOffsetMs(wall - DAY_MS);
  const after = wall - parisOffsetMs(wall + DAY_MS);
  const lo = Math.min(before, after);
  const hi = Math.max(before, after);
  if (wallMs(lo) === wall) return lo;
  if (wallMs(hi) === wall) return hi;
  // In the spring-forward gap: the first instant after the jump.
  for (let t = Math.floor(lo / HOUR) * HOUR; t <= hi + HOUR; t += HOUR) {
    if (wallMs(t) >= wall) return t;
  }
  return hi;
}

function checkDate(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) invalid('date');
  return ms;
}

/**
 * The Paris wall clock at an instant.
 *
 * @example
 * toParis(new Date('2026-07-14T08:00:00Z')) // { year: 2026, month: 7, day: 14, hour: 10, minute: 0, second: 0, weekday: 2 }
 * @throws {RangeError} on an invalid date.
 */
export function toParis(date: Date): ParisDateTime {
  const w = new Date(wallMs(checkDate(date)));
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    weekday: (((w.getUTCDay() + 6) % 7) + 1) as IsoWeekday,
  };
}

/**
 * The instant of a Paris wall time. In the spring-forward gap (last Sunday of
 * March, 02:00–02:59) the result is the first valid instant, 03:00 CEST; an
 * ambiguous autumn time (last Sunday of October, 02:00–02:59) gives its first
 * occurrence, still in summer time (UTC+2).
 *
 * @example
 * fromParis({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }).toISOString() // '2026-03-29T01:00:00.000Z'
 * fromParis({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }).toISOString() // '2026-10-25T00:30:00.000Z'
 * @throws {RangeError} when a field is not a finite number.
 */
export function fromParis(wall: ParisWallTime): Date {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = wall;
  return new Date(instantOfWallMs(Date.UTC(year, month - 1, day, hour, minute, second)));
}

/** The offset of Paris from UTC at an instant, in minutes: 60 (CET) or 120 (CEST). */
export function parisOffsetMinutes(date: Date): number {
  return parisOffsetMs(checkDate(date)) / 60_000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A calendar date as `'YYYY-MM-DD'` (years 0–9999). */
export function formatIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Reads a `'YYYY-MM-DD'` date, checking that the day exists.
 *
 * @throws {RangeError} on anything else (`'2026-02-30'`, `'2026-2-3'`).
 */
export function parseIsoDate(date: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) invalid(`date "${date}"`);
  return { year, month, day };
}

/** Whether `year` is a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days of a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);
}

/** Days since 1970-01-01 of a `'YYYY-MM-DD'` date. Internal. */
export function dayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The `'YYYY-MM-DD'` date of a day number (days since 1970-01-01). Internal. */
export function dateOfDayNumber(dn: number): string {
  return new Date(dn * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO weekday (1 = Monday) of a day number. Internal. */
export function weekdayOfDayNumber(dn: number): IsoWeekday {
  return ((((dn + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** The ISO week of a day number. Internal. */
export function isoWeekOfDayNumber(dn: number): IsoWeek {
  const thursday = dn - weekdayOfDayNumber(dn) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1 };
}

/** The Paris calendar date of an instant, `'YYYY-MM-DD'`. */
export function parisDate(date: Date): string {
  return new Date(wallMs(checkDate(date))).toISOString().slice(0, 10);
}

/**
 * A `'YYYY-MM-DD'` date moved by `days` (negative to go back).
 *
 * @example
 * addDaysToDate('2024-02-28', 1) // '2024-02-29'
 * addDaysToDate('2026-01-01', -1) // '2025-12-31'
 */
export function addDaysToDate(date: string, days: number): string {
  if (!Number.isInteger(days)) invalid(`number of days ${days}`);
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The number of days from `from` to `to` (both `'YYYY-MM-DD'`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO weekday of a `'YYYY-MM-DD'` date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): IsoWeekday {
  return weekdayOfDayNumber(dayNumber(date));
}

/**
 * The ISO 8601 week of a `'YYYY-MM-DD'` date (weeks start on Monday; week 1
 * holds the year's first Thursday). Near New Year the week's year may differ
 * from the date's.
 *
 * @example
 * isoWeek('2026-12-31') // { year: 2026, week: 53 }
 * isoWeek('2024-12-30') // { year: 2025, week: 1 }
 */
export function isoWeek(date: string): IsoWeek {
  return isoWeekOfDayNumber(dayNumber(date));
}

/** The Monday (`'YYYY-MM-DD'`) of the ISO week holding a `'YYYY-MM-DD'` date. */
export function startOfIsoWeek(date: string): string {
  const dn = dayNumber(date);
  return dateOfDayNumber(dn - weekdayOfDayNumber(dn) + 1);
}

/**
 * The first instant of a Paris day: of the date `'YYYY-MM-DD'`, or of the
 * Paris date of an instant. (Midnight always exists in Paris.)
 */
export function startOfParisDay(date: Date | string): Date {
  const day = typeof date === 'string' ? dayNumber(date) : Math.floor(wallMs(checkDate(date)) / DAY_MS);
  return new Date(instantOfWallMs(day * DAY_MS));
}

/**
 * The instants, as sorted `[start, end)` pairs of epoch milliseconds, whose
 * Paris wall time is on day `dn` (days since 1970-01-01) between minutes
 * `from` and `to` (0–1440). Internal; see {@link parisWallRange}.
 */
export function wallRangeMs(dn: number, from: number, to: number): [number, number][] {
  const w0 = dn * DAY_MS;
  const start = instantOfWallMs(w0);
  const end = instantOfWallMs(w0 + DAY_MS);
  const o1 = parisOffsetMs(start);
  const o2 = parisOffsetMs(end - 1);
  let pieces: [number, number, number][] = [[start, end, o1]];
  if (o1 !== o2) {
    let t = start;
    while (t < end && parisOffsetMs(t) === o1) t = Math.floor(t / HOUR) * HOUR + HOUR;
    pieces = [
      [start, t, o1],
      [t, end, o2],
    ];
  }
  const out: [number, number][] = [];
  for (const [a, b, o] of pieces) {
    const s = Math.max(a, w0 + from * 60_000 - o);
    const e = Math.min(b, w0 + to * 60_000 - o);
    if (s >= e) continue;
    const last = out.at(-1);
    if (last?.[1] === s) last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

/**
 * The instants at which a Paris wall clock shows a time from `startMinute`
 * (included) to `endMinute` (excluded) on a date, minutes counted from
 * midnight (0–1440, 1440 being the end of the day). Usually one range; none
 * for a range inside the spring-forward gap (2026-03-29, 02:00–03:00); two
 * for a range inside the repeated autumn hour (2026-10-25, 02:15–02:45
 * happens once in CEST and once in CET).
 *
 * @example
 * parisWallRange('2026-03-29', 60, 240) // 01:00–04:00 on the spring-forward day: 2 hours of real time
 * @throws {RangeError} on an invalid date or minutes outside 0–1440.
 */
export function parisWallRange(date: string, startMinute: number, endMinute: number): InstantRange[] {
  if (!(startMinute >= 0 && endMinute <= 1440)) invalid(`minutes ${startMinute}–${endMinute}`);
  return wallRangeMs(dayNumber(date), startMinute, endMinute).map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}
