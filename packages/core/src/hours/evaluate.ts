/**
 * Evaluation of opening hours in Europe/Paris wall-clock time: the state at
 * an instant, the next change, the open intervals between two instants, the
 * hours of an ISO week.
 *
 * Each Paris day is evaluated on its own: the rules whose selectors match the
 * day are applied in order, each painting its times (the whole day when it
 * has none) as open, or as closed when it says `off`/`closed`. As in the
 * reference implementation (opening_hours.js), a normal rule (after `;`)
 * first clears what earlier rules said of the day when it selects days (by
 * date, week, weekday or `PH`) and does not close, or when it has no day
 * selector, opens without being only a comment, and follows a rule without
 * day selector either. Additional rules (after `,`) and closing rules never
 * clear: `Mo-Fr 09:00-18:00; We 12:00-14:00 off` keeps Wednesday morning and
 * afternoon, `Mo 09:00-18:00; 12:00-14:00` keeps Monday 09:00-18:00. The day's wall
 * times are then mapped to instants, so `09:00` is 09:00 in Paris in summer
 * and in winter, the spring-forward hour does not exist and the autumn hour
 * 02:00–03:00 happens twice.
 *
 * @module
 */

import type { IsoWeekday } from '../time/paris.js';
import {
  DAY_MS,
  dateOfDayNumber,
  dayNumber,
  daysInMonth,
  instantOfWallMs,
  isoWeekOfDayNumber,
  wallMs,
  wallRangeMs,
  weekdayOfDayNumber,
} from '../time/paris.js';
import type { MonthdaySelector, OpeningHours, OpeningHoursRule, TimeRange, WeekdaySelector } from './ast.js';
import type { HolidayRegion } from './holidays.js';
import { isPublicHoliday } from './holidays.js';

/** Options of the evaluation functions. */
export interface OpeningHoursOptions {
  /** Which public holidays `PH` means: `'france'` (default), `'alsace-moselle'`, or `'none'` (`PH` never matches). */
  readonly holidays?: HolidayRegion | 'none';
}

/** The state of a place at an instant. */
export interface OpeningState {
  readonly open: boolean;
  /** Open, but only by appointment (the rule's comment says so). Always `false` when closed. */
  readonly appointmentOnly: boolean;
  /** The comment of the rule that decided the state, if it had one (also when closed: `PH off "férié"`). */
  readonly comment?: string;
}

/** An interval `[start, end)` during which a place is open in the same way. */
export interface OpenInterval {
  readonly start: Date;
  readonly end: Date;
  readonly appointmentOnly: boolean;
  readonly comment?: string;
}

/** An open time range of one day, in wall-clock minutes from midnight (`to` ≤ 1440). */
export interface OpenRange {
  readonly from: number;
  readonly to: number;
  readonly appointmentOnly: boolean;
  readonly comment?: string;
}

/** What {@link weekSummary} counts over one ISO week. */
export interface WeekSummary {
  /** Open hours in the week (real elapsed time), appointment-only hours included. */
  readonly hours: number;
  /** The weekdays (1 = Monday … 7 = Sunday) with some open time, ascending. */
  readonly days: IsoWeekday[];
  /** Of `hours`, those open by appointment only. */
  readonly appointmentOnlyHours: number;
}

/** How far {@link nextChange} looks ahead: 366 days. */
export const NEXT_CHANGE_HORIZON_DAYS = 366;

interface Segment {
  readonly from: number;
  readonly to: number;
  readonly open: boolean;
  readonly appointmentOnly: boolean;
  readonly comment: string | undefined;
}

interface Day {
  readonly month: number;
  readonly day: number;
  readonly weekday: IsoWeekday;
  readonly week: number;
  readonly daysInMonth: number;
  readonly holiday: () => boolean;
}

const FULL_DAY: readonly TimeRange[] = [{ from: 0, to: 1440 }];
const CLOSED: Segment = { from: 0, to: 1440, open: false, appointmentOnly: false, comment: undefined };

function dayInfo(dn: number, region: HolidayRegion | 'none'): Day {
  const date = new Date(dn * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  let holiday: boolean | undefined;
  return {
    month,
    day: date.getUTCDate(),
    weekday: weekdayOfDayNumber(dn),
    week: isoWeekOfDayNumber(dn).week,
    daysInMonth: daysInMonth(year, month),
    holiday: () => (holiday ??= region !== 'none' && isPublicHoliday(dateOfDayNumber(dn), region)),
  };
}

const inRange = (x: number, from: number, to: number): boolean => (from <= to ? x >= from && x <= to : x >= from || x <= to);

function monthdayMatches(sel: MonthdaySelector, d: Day): boolean {
  if (sel.type === 'months') return inRange(d.month, sel.from, sel.to);
  return inRange(d.month * 100 + d.day, sel.from.month * 100 + sel.from.day, sel.to.month * 100 + sel.to.day);
}

function weekdayMatches(sel: WeekdaySelector, d: Day): boolean {
  switch (sel.type) {
    case 'holiday':
      return d.holiday();
    case 'weekdays':
      return inRange(d.weekday, sel.from, sel.to);
    case 'nth': {
      if (d.weekday !== sel.weekday) return false;
      const first = Math.ceil(d.day / 7);
      const last = -Math.ceil((d.daysInMonth - d.day + 1) / 7);
      return sel.nth.some((n) => (n.from < 0 ? n.from === last : first >= n.from && first <= n.to));
    }
  }
}

function ruleMatches(rule: OpeningHoursRule, d: Day): boolean {
  if (rule.monthdays && !rule.monthdays.some((s) => monthdayMatches(s, d))) return false;
  if (rule.weeks && !rule.weeks.some((w) => d.week >= w.from && d.week <= w.to && (d.week - w.from) % (w.step ?? 1) === 0)) {
    return false;
  }
  return !rule.weekdays || rule.weekdays.some((s) => weekdayMatches(s, d));
}

const selectsDays = (rule: OpeningHoursRule): boolean => (rule.monthdays ?? rule.weeks ?? rule.weekdays) !== undefined;

/** Opens without being only a comment: `open`, or no state and no comment. */
const opensPlainly = (rule: OpeningHoursRule): boolean =>
  rule.modifier === 'open' || (rule.modifier === undefined && rule.comment === undefined);

/** The segments of a day that are open or commented, sorted, merged; the rest is closed. */
function daySegments(oh: OpeningHours, dn: number, region: HolidayRegion | 'none'): Segment[] {
  const d = dayInfo(dn, region);
  let segments: Segment[] = [];
  let previous: OpeningHoursRule | undefined;
  for (const rule of oh.rules) {
    const before = previous;
    previous = rule;
    if (!ruleMatches(rule, d)) continue;
    const open = rule.modifier !== 'closed';
    if (!rule.additional && (selectsDays(rule) ? open : before && !selectsDays(before) && opensPlainly(rule))) segments = [];
    for (const { from, to } of rule.times ?? FULL_DAY) {
      const next: Segment[] = [];
      for (const s of segments) {
        if (s.to <= from || s.from >= to) next.push(s);
        else {
          if (s.from < from) next.push({ ...s, to: from });
          if (s.to > to) next.push({ ...s, from: to });
        }
      }
      next.push({ from, to, open, appointmentOnly: open && rule.appointmentOnly, comment: rule.comment });
      segments = next.sort((a, b) => a.from - b.from);
    }
  }
  const out: Segment[] = [];
  for (const s of segments) {
    if (!s.open && s.comment === undefined) continue;
    const last = out.at(-1);
    if (last?.to === s.from && sameState(last, s)) out[out.length - 1] = { ...last, to: s.to };
    else out.push(s);
  }
  return out;
}

/** The day's segments with the closed gaps filled in, covering 0–1440. */
function fullDay(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of segments) {
    if (s.from > at) out.push({ ...CLOSED, from: at, to: s.from });
    out.push(s);
    at = s.to;
  }
  if (at < 1440) out.push({ ...CLOSED, from: at });
  return out;
}

const sameState = (a: Omit<Segment, 'from' | 'to'>, b: Omit<Segment, 'from' | 'to'>): boolean =>
  a.open === b.open && a.appointmentOnly === b.appointmentOnly && a.comment === b.comment;

function instant(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  return ms;
}

const regionOf = (options: OpeningHoursOptions | undefined): HolidayRegion | 'none' => options?.holidays ?? 'france';

function segmentAt(oh: OpeningHours, ms: number, region: HolidayRegion | 'none'): Segment {
  const wall = wallMs(ms);
  const dn = Math.floor(wall / DAY_MS);
  const minute = (wall - dn * DAY_MS) / 60_000;
  return daySegments(oh, dn, region).find((s) => minute >= s.from && minute < s.to) ?? CLOSED;
}

function stateOf(s: Segment): OpeningState {
  return s.comment === undefined
    ? { open: s.open, appointmentOnly: s.appointmentOnly }
    : { open: s.open, appointmentOnly: s.appointmentOnly, comment: s.comment };
}

/**
 * The state at an instant: open or not, by appointment only or not, and the
 * comment of the deciding rule.
 *
 * @example
 * stateAt(parseOpeningHours('Mo-Fr 09:00-12:00 "sur rendez-vous"'), new Date('2026-01-05T09:30:00Z'))
 * // { open: true, appointmentOnly: true, comment: 'sur rendez-vous' } (10:30 in Paris, a Monday)
 * @throws {RangeError} on an invalid date.
 */
export function stateAt(oh: OpeningHours, date: Date, options?: OpeningHoursOptions): OpeningState {
  return stateOf(segmentAt(oh, instant(date), regionOf(options)));
}

/**
 * Whether the place is open at an instant (by appointment or not).
 *
 * @throws {RangeError} on an invalid date.
 */
export function isOpenAt(oh: OpeningHours, date: Date, options?: OpeningHoursOptions): boolean {
  return segmentAt(oh, instant(date), regionOf(options)).open;
}

interface RawInterval {
  start: number;
  end: number;
  appointmentOnly: boolean;
  comment: string | undefined;
}

function intervalsMs(oh: OpeningHours, from: number, to: number, region: HolidayRegion | 'none'): RawInterval[] {
  const found: RawInterval[] = [];
  if (!(from < to)) return found;
  const last = Math.floor(wallMs(to - 1) / DAY_MS);
  for (let dn = Math.floor(wallMs(from) / DAY_MS); dn <= last; dn++) {
    for (const s of daySegments(oh, dn, region)) {
      if (!s.open) continue;
      for (const [a, b] of wallRangeMs(dn, s.from, s.to)) {
        const start = Math.max(a, from);
        const end = Math.min(b, to);
        if (start < end) found.push({ start, end, appointmentOnly: s.appointmentOnly, comment: s.comment });
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  const merged: RawInterval[] = [];
  for (const i of found) {
    const prev = merged.at(-1);
    if (prev?.end === i.start && prev.appointmentOnly === i.appointmentOnly && prev.comment === i.comment) prev.end = i.end;
    else merged.push(i);
  }
  return merged;
}

/**
 * The open intervals between two instants, sorted, half-open (`[start, end)`)
 * and clipped to `[from, to)`. Intervals that touch are merged when they are
 * open the same way (same appointment flag and comment), also across
 * midnight.
 *
 * @example
 * openIntervals(parseOpeningHours('Mo-Fr 09:00-12:00'), new Date('2026-01-05T00:00:00Z'), new Date('2026-01-06T00:00:00Z'))
 * // [{ start: 2026-01-05T08:00:00Z, end: 2026-01-05T11:00:00Z, appointmentOnly: false }]
 * @throws {RangeError} on an invalid date.
 */
export function openIntervals(oh: OpeningHours, from: Date, to: Date, options?: OpeningHoursOptions): OpenInterval[] {
  return intervalsMs(oh, instant(from), instant(to), regionOf(options)).map(({ start, end, appointmentOnly, comment }) =>
    comment === undefined
      ? { start: new Date(start), end: new Date(end), appointmentOnly }
      : { start: new Date(start), end: new Date(end), appointmentOnly, comment },
  );
}

/**
 * The next instant after `date` at which the state (see {@link stateAt}:
 * open, appointment flag or comment) changes, looking up to
 * {@link NEXT_CHANGE_HORIZON_DAYS} days ahead; `undefined` when nothing
 * changes in that time (`24/7`, or always closed).
 *
 * @throws {RangeError} on an invalid date.
 */
export function nextChange(oh: OpeningHours, date: Date, options?: OpeningHoursOptions): Date | undefined {
  const t = instant(date);
  const region = regionOf(options);
  const current = segmentAt(oh, t, region);
  const limit = t + NEXT_CHANGE_HORIZON_DAYS * DAY_MS;
  for (let dn = Math.floor(wallMs(t) / DAY_MS); ; dn++) {
    const pieces: [number, Segment][] = [];
    for (const s of fullDay(daySegments(oh, dn, region))) {
      for (const [a] of wallRangeMs(dn, s.from, s.to)) pieces.push([a, s]);
    }
    pieces.sort((a, b) => a[0] - b[0]);
    for (const [start, s] of pieces) {
      if (start >= limit) return undefined;
      if (start > t && !sameState(s, current)) return new Date(start);
    }
    if (instantOfWallMs((dn + 1) * DAY_MS) >= limit) return undefined;
  }
}

/**
 * The open ranges of one Paris date, in wall-clock minutes: what a widget
 * shows as "Lundi : 09:00–12:00, 14:00–17:00" (format them with
 * `formatTime`).
 *
 * @example
 * dayOpenRanges(parseOpeningHours('Mo-Fr 09:00-12:00; PH off'), '2026-05-01') // [] (Fête du Travail)
 * @throws {RangeError} on a date that is not `'YYYY-MM-DD'`.
 */
export function dayOpenRanges(oh: OpeningHours, date: string, options?: OpeningHoursOptions): OpenRange[] {
  return daySegments(oh, dayNumber(date), regionOf(options))
    .filter((s) => s.open)
    .map(({ from, to, appointmentOnly, comment }) =>
      comment === undefined ? { from, to, appointmentOnly } : { from, to, appointmentOnly, comment },
    );
}

/**
 * Open hours over the ISO week (Monday to Sunday in Paris) holding `date`:
 * total hours, appointment-only hours, and the weekdays with some opening.
 * Hours are real elapsed time, so a range over the spring-forward hour counts
 * one hour less. A charter check such as "24 hours over 3 days" reads
 * `hours - appointmentOnlyHours` or `hours` as its rules say.
 *
 * @example
 * weekSummary(parseOpeningHours('Mo-Fr 09:00-12:00,14:00-17:00'), new Date('2026-01-07T12:00:00Z'))
 * // { hours: 30, days: [1, 2, 3, 4, 5], appointmentOnlyHours: 0 }
 * @throws {RangeError} on an invalid date.
 */
export function weekSummary(oh: OpeningHours, date: Date, options?: OpeningHoursOptions): WeekSummary {
  const region = regionOf(options);
  const dn = Math.floor(wallMs(instant(date)) / DAY_MS);
  const monday = dn - weekdayOfDayNumber(dn) + 1;
  let total = 0;
  let appointment = 0;
  const days: IsoWeekday[] = [];
  for (let i = 0; i < 7; i++) {
    const start = instantOfWallMs((monday + i) * DAY_MS);
    const end = instantOfWallMs((monday + i + 1) * DAY_MS);
    let open = 0;
    for (const interval of intervalsMs(oh, start, end, region)) {
      const length = interval.end - interval.start;
      open += length;
      if (interval.appointmentOnly) appointment += length;
    }
    total += open;
    if (open > 0) days.push((i + 1) as IsoWeekday);
  }
  return { hours: total / 3_600_000, days, appointmentOnlyHours: appointment / 3_600_000 };
}
