/**
 * Free appointment slots: the times at which a motif can still be booked,
 * from the site's opening hours, the hours of who receives (an agency's
 * presence at the site, an agent's availability), absences, public holidays,
 * existing bookings and the booking window. All times are Europe/Paris
 * wall-clock times; everything is computed from the given `now`, so the
 * result is the same on every machine and every run.
 *
 * @module
 */

import type { OpeningHours } from '../hours/ast.js';
import { dayOpenRanges } from '../hours/evaluate.js';
import type { HolidayRegion } from '../hours/holidays.js';
import { publicHolidays } from '../hours/holidays.js';
import { parseOpeningHours } from '../hours/parse.js';
import type { Booking } from '../schemas/booking.js';
import type { Channel, Motif } from '../schemas/motif.js';
import { DAY_MS, dateOfDayNumber, dayNumber, instantOfWallMs, wallMs, wallRangeMs, weekdayOfDayNumber } from '../time/paris.js';
import type { SlotRefusal } from './messages.js';
import { refusalMessages } from './messages.js';

const MINUTE = 60_000;

/** Default `bufferMinutes` of a motif, as in the `Motif` schema. */
export const DEFAULT_BUFFER_MINUTES = 0;
/** Default `minNoticeMinutes` of a motif, as in the `Motif` schema. */
export const DEFAULT_MIN_NOTICE_MINUTES = 30;
/** Default `horizonDays` of a motif, as in the `Motif` schema. */
export const DEFAULT_HORIZON_DAYS = 92;

/** Opening hours, parsed or as OSM `opening_hours` text. */
export type HoursInput = OpeningHours | string;

/**
 * What slot computation reads of a motif: a parsed `Motif` fits, and so does
 * a plain object with only the duration and channels (the other fields then
 * take the schema's defaults: no buffer, 30 minutes' notice, 92 days ahead).
 */
export type SlotMotif = Pick<Motif, 'durationMinutes' | 'channels'> &
  Partial<Pick<Motif, 'bufferMinutes' | 'minNoticeMinutes' | 'horizonDays'>>;

/** An existing appointment of who receives; a `Booking` fits. Cancelled ones block nothing. */
export interface SlotBooking {
  /** ISO 8601 date-time with an offset (`'2026-03-02T09:00:00+01:00'`), or a `Date`. */
  readonly start: string | Date;
  readonly end: string | Date;
  readonly status?: Booking['status'];
}

/** A time `[start, end)` when who receives is away (leave, training, meeting). */
export interface Absence {
  /** ISO 8601 date-time with an offset, or a `Date`. */
  readonly start: string | Date;
  readonly end: string | Date;
}

/** The inputs of {@link listFreeSlots}, {@link nextFreeSlots} and {@link checkSlot}. */
export interface SlotQuery {
  /**
   * The site's opening hours (`Site.openingHours`). Used for the `on-site`
   * and `visio` channels (a visio-guichet call is made from the site);
   * ignored for `phone`. Omitted: only `receiverHours` count.
   */
  readonly siteHours?: HoursInput;
  /** When who receives is available: the agency's `Convention.presenceHours`, or an agent's hours. */
  readonly receiverHours: HoursInput;
  readonly motif: SlotMotif;
  /** The channel asked for; a channel the motif does not offer has no slot. */
  readonly channel: Channel;
  /** Existing bookings of who receives (all channels: an agent on the phone is busy). */
  readonly bookings?: readonly SlotBooking[];
  readonly absences?: readonly Absence[];
  /** How many appointments can run at once (agents, desks). Default 1. */
  readonly capacity?: number;
  /** Public holidays without any slot: `'france'` (default), `'alsace-moselle'`, or `'none'`. Also what `PH` means in the hours. */
  readonly holidays?: HolidayRegion | 'none';
  /** The current instant: the booking window is counted from it. */
  readonly now: Date;
  /** List only slots starting at or after this instant. Default: `now`. Ignored by {@link checkSlot}. */
  readonly from?: Date;
  /** List only slots ending at or before this instant. Default: the end of the booking window. Ignored by {@link checkSlot}. */
  readonly to?: Date;
  /** Minutes between two slot starts, counted from the start of each availability interval. Default: duration + buffer. */
  readonly stepMinutes?: number;
}

/** A free slot `[start, end)`; the buffer after it is not included. */
export interface Slot {
  readonly start: Date;
  readonly end: Date;
}

/** A time someone wants to book. */
export interface SlotProposal {
  /** ISO 8601 date-time with an offset, or a `Date`. */
  readonly start: string | Date;
  /** Default: start + the motif's duration. */
  readonly end?: string | Date;
}

/** The answer of {@link checkSlot}: free, or why not, in plain English and French. */
export type SlotCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: SlotRefusal; readonly message: string; readonly messageFr: string };

type Span = [start: number, end: number];

/** Hours being read for one call, with the wall-clock ranges already found per weekday. */
interface HoursPlan {
  readonly oh: OpeningHours;
  /** Whether a day's hours depend only on its weekday (no dates, weeks, n-th weekdays), `PH` days aside. */
  readonly byWeekday: boolean;
  /** Open wall-clock minute ranges per ISO weekday, filled as days are read. */
  readonly weekdays: Map<number, Span[]>;
}

interface Context {
  readonly hours: readonly HoursPlan[];
  readonly region: HolidayRegion | 'none';
  readonly channel: Channel;
  readonly channelOk: boolean;
  readonly duration: number;
  readonly buffer: number;
  readonly step: number;
  readonly earliest: number;
  readonly latest: number;
  readonly absences: readonly Span[];
  /** Where `capacity` appointments (with their buffers) already run. */
  readonly full: readonly Span[];
  readonly minNoticeMinutes: number;
  readonly horizonDays: number;
  /** Day numbers of the public holidays, per year, filled as years are read. */
  readonly holidayDays: Map<number, Set<number>>;
}

function instant(value: string | Date, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid ${what}: ${String(value)}`);
  return ms;
}

function wholeNumber(value: number, min: number, what: string): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`Invalid ${what}: ${String(value)}`);
  return value;
}

function planOf(h: HoursInput): HoursPlan {
  const oh = typeof h === 'string' ? parseOpeningHours(h) : h;
  const byWeekday = oh.rules.every(
    (rule) => rule.monthdays === undefined && rule.weeks === undefined && (rule.weekdays ?? []).every((w) => w.type !== 'nth'),
  );
  return { oh, byWeekday, weekdays: new Map() };
}

/**
 * The open wall-clock minute ranges of Paris day `dn` (sorted, disjoint,
 * touching ones merged). Never asked for a public holiday of `region`, so
 * that `PH` rules never apply and hours without dates are the same every
 * week.
 */
function wallRanges(plan: HoursPlan, dn: number, region: HolidayRegion | 'none'): Span[] {
  const weekday = weekdayOfDayNumber(dn);
  const known = plan.byWeekday ? plan.weekdays.get(weekday) : undefined;
  if (known !== undefined) return known;
  const ranges = merge(dayOpenRanges(plan.oh, dateOfDayNumber(dn), { holidays: region }).map((r): Span => [r.from, r.to]));
  if (plan.byWeekday) plan.weekdays.set(weekday, ranges);
  return ranges;
}

/** Whether Paris day `dn` is a public holiday of the region (`'none'`: never). */
function isHoliday(ctx: Context, dn: number): boolean {
  if (ctx.region === 'none') return false;
  const year = new Date(dn * DAY_MS).getUTCFullYear();
  let days = ctx.holidayDays.get(year);
  if (days === undefined) {
    days = new Set(publicHolidays(year, ctx.region).map((h) => dayNumber(h.date)));
    ctx.holidayDays.set(year, days);
  }
  return days.has(dn);
}

/** Sorts and merges overlapping or touching spans (in place). */
function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last !== undefined && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** The intersection of two sorted lists of disjoint spans. */
function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const x = a[i];
    const y = b[j];
    if (x === undefined || y === undefined) break;
    const s = Math.max(x[0], y[0]);
    const e = Math.min(x[1], y[1]);
    if (s < e) out.push([s, e]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

/** Whether `[s, e)` meets one of the sorted, disjoint spans (binary search). */
function overlaps(spans: readonly Span[], s: number, e: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.[1] ?? Infinity) <= s) lo = mid + 1;
    else hi = mid;
  }
  const first = spans[lo];
  return first !== undefined && first[0] < e;
}

/** The spans where at least `capacity` of the blocks overlap. */
function saturated(blocks: readonly Span[], capacity: number): Span[] {
  const events: [number, number][] = [];
  for (const [s, e] of blocks) if (s < e) events.push([s, 1], [e, -1]);
  // Ends before starts at the same instant: blocks are half-open.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  let count = 0;
  let since = 0;
  for (const [t, d] of events) {
    const before = count;
    count += d;
    if (before < capacity && count >= capacity) since = t;
    else if (before >= capacity && count < capacity && since < t) out.push([since, t]);
  }
  return merge(out);
}

function contextOf(query: SlotQuery): Context {
  const { motif, channel } = query;
  const duration = wholeNumber(motif.durationMinutes, 1, 'durationMinutes') * MINUTE;
  const buffer = wholeNumber(motif.bufferMinutes ?? DEFAULT_BUFFER_MINUTES, 0, 'bufferMinutes') * MINUTE;
  const minNoticeMinutes = wholeNumber(motif.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES, 0, 'minNoticeMinutes');
  const horizonDays = wholeNumber(motif.horizonDays ?? DEFAULT_HORIZON_DAYS, 0, 'horizonDays');
  const step = query.stepMinutes === undefined ? duration + buffer : wholeNumber(query.stepMinutes, 1, 'stepMinutes') * MINUTE;
  const capacity = wholeNumber(query.capacity ?? 1, 1, 'capacity');
  const now = instant(query.now, 'now');
  const today = Math.floor(wallMs(now) / DAY_MS);
  const hours = [planOf(query.receiverHours)];
  if (query.siteHours !== undefined && channel !== 'phone') hours.push(planOf(query.siteHours));
  const blocks: Span[] = [];
  for (const b of query.bookings ?? []) {
    if (b.status === 'cancelled') continue;
    blocks.push([instant(b.start, 'booking start'), instant(b.end, 'booking end') + buffer]);
  }
  const absences = merge(
    (query.absences ?? []).map((a): Span => [instant(a.start, 'absence start'), instant(a.end, 'absence end')]).filter(([s, e]) => s < e),
  );
  return {
    hours,
    region: query.holidays ?? 'france',
    channel,
    channelOk: motif.channels.includes(channel),
    duration,
    buffer,
    step,
    earliest: now + minNoticeMinutes * MINUTE,
    // The end of the Paris day `horizonDays` days after today's: a whole last day, whatever the clock change.
    latest: instantOfWallMs((today + horizonDays + 1) * DAY_MS),
    absences,
    full: saturated(blocks, capacity),
    minNoticeMinutes,
    horizonDays,
    holidayDays: new Map(),
  };
}

/**
 * The availability intervals of Paris day `dn`: the hours that apply,
 * intersected in wall-clock time, then turned into instants (so that 09:00
 * is 09:00 in winter and in summer, and the spring-forward hour does not
 * exist); none on a public holiday.
 */
function dayAvailability(ctx: Context, dn: number): Span[] {
  if (isHoliday(ctx, dn)) return [];
  let wall: Span[] | undefined;
  for (const plan of ctx.hours) {
    const own = wallRanges(plan, dn, ctx.region);
    wall = wall === undefined ? own : intersect(wall, own);
    if (wall.length === 0) return []; // who receives is away: no need to read the site's hours
  }
  const spans: Span[] = [];
  for (const [from, to] of wall ?? []) spans.push(...wallRangeMs(dn, from, to));
  return merge(spans);
}

/** Why a slot on the grid of an availability interval is not free, or `undefined`. */
function blocked(ctx: Context, s: number, e: number): SlotRefusal | undefined {
  if (s < ctx.earliest) return 'too-soon';
  if (e > ctx.latest) return 'too-far';
  if (overlaps(ctx.absences, s, e)) return 'absence';
  if (overlaps(ctx.full, s, e + ctx.buffer)) return 'taken';
  return undefined;
}

function* freeSlots(query: SlotQuery): Generator<Slot, void, undefined> {
  const ctx = contextOf(query);
  const lo = Math.max(ctx.earliest, query.from === undefined ? -Infinity : instant(query.from, 'from'));
  const hi = Math.min(ctx.latest, query.to === undefined ? Infinity : instant(query.to, 'to'));
  if (!ctx.channelOk || !(lo < hi)) return;
  const last = Math.floor(wallMs(hi - 1) / DAY_MS);
  for (let dn = Math.floor(wallMs(lo) / DAY_MS); dn <= last; dn++) {
    for (const [a, b] of dayAvailability(ctx, dn)) {
      let s = a < lo ? a + Math.ceil((lo - a) / ctx.step) * ctx.step : a;
      for (; s + ctx.duration <= b && s + ctx.duration <= hi; s += ctx.step) {
        if (blocked(ctx, s, s + ctx.duration) === undefined) yield { start: new Date(s), end: new Date(s + ctx.duration) };
      }
    }
  }
}

/**
 * The free slots of a motif, sorted by start: every time on the grid of an
 * availability interval (`stepMinutes` apart from its start) where the whole
 * appointment fits in the interval, within the booking window
 * (`now + minNoticeMinutes` to the end of the Paris day `horizonDays` days
 * after today), and, with its buffer, alongside fewer than `capacity` other
 * bookings (each extended by the buffer), outside absences and public
 * holidays. See docs/slots.md for the rules.
 *
 * @example
 * listFreeSlots({
 *   siteHours: 'Mo-Fr 09:00-12:00', receiverHours: 'Tu 09:00-17:00',
 *   motif: { durationMinutes: 30, channels: ['on-site'] }, channel: 'on-site',
 *   now: new Date('2026-01-05T08:00:00Z'), to: new Date('2026-01-07T00:00:00Z'),
 * }) // six slots on Tuesday 6 January, 09:00 (08:00Z) to 11:30 Paris time
 * @throws {RangeError} on an invalid date or a count that is not a whole number (negative, zero duration, step or capacity).
 * @throws {OpeningHoursSyntaxError} on hours text that does not parse.
 */
export function listFreeSlots(query: SlotQuery): Slot[] {
  return [...freeSlots(query)];
}

/**
 * The first `n` free slots from `from` (default `now`): what a widget shows
 * as "the next free slots". Same rules as {@link listFreeSlots}; only the
 * days needed are computed.
 *
 * @throws {RangeError} as {@link listFreeSlots}, and when `n` is not a whole number.
 */
export function nextFreeSlots(query: SlotQuery, n: number): Slot[] {
  wholeNumber(n, 0, 'number of slots');
  const out: Slot[] = [];
  if (n === 0) return out;
  for (const slot of freeSlots(query)) {
    out.push(slot);
    if (out.length >= n) break;
  }
  return out;
}

/**
 * Whether a proposed time can still be booked, by the same rules as
 * {@link listFreeSlots} (`from` and `to` aside): the server re-checks a
 * booking at confirmation, the widget says why in plain words. The first
 * reason found is given, in this order: `channel`, `misaligned` (a length
 * other than the motif's duration), `too-soon`, `too-far`, `holiday`,
 * `outside-hours` (also across midnight), `misaligned` (off the grid),
 * `absence`, `taken`.
 *
 * @example
 * checkSlot({ start: '2026-05-01T10:00:00+02:00' }, query) // { ok: false, reason: 'holiday', message: 'This day is a public holiday.', messageFr: 'Ce jour est férié.' }
 * @throws {RangeError} as {@link listFreeSlots}.
 */
export function checkSlot(proposal: SlotProposal, query: SlotQuery): SlotCheck {
  const ctx = contextOf(query);
  const s = instant(proposal.start, 'start');
  const e = proposal.end === undefined ? s + ctx.duration : instant(proposal.end, 'end');
  const refuse = (reason: SlotRefusal): SlotCheck => ({ ok: false, reason, ...refusalMessages(reason, ctx) });
  if (!ctx.channelOk) return refuse('channel');
  if (e - s !== ctx.duration) return refuse('misaligned');
  if (s < ctx.earliest) return refuse('too-soon');
  if (e > ctx.latest) return refuse('too-far');
  const dn = Math.floor(wallMs(s) / DAY_MS);
  if (isHoliday(ctx, dn)) return refuse('holiday');
  if (Math.floor(wallMs(e - 1) / DAY_MS) !== dn) return refuse('outside-hours');
  const span = dayAvailability(ctx, dn).find(([a, b]) => a <= s && e <= b);
  if (span === undefined) return refuse('outside-hours');
  if ((s - span[0]) % ctx.step !== 0) return refuse('misaligned');
  const reason = blocked(ctx, s, e);
  return reason === undefined ? { ok: true } : refuse(reason);
}
