import { dayOpenRanges, formatTime, isPublicHoliday, nextChange, safeParseOpeningHours, stateAt, weekSummary } from '@rsp/core/hours.js';
import type { OpeningHours } from '@rsp/core/hours.js';
import type { Site } from '@rsp/core/schemas.js';
import { addDaysToDate, daysBetween, parisDate, startOfIsoWeek, toParis } from '@rsp/core/time.js';
import type { IsoWeekday } from '@rsp/core/time.js';
import type { FinderSite } from './types.js';

const parsedHours = new WeakMap<Site, OpeningHours | null>();

/**
 * The parsed `openingHours` of a site, parsed once per site object and kept
 * (`undefined` when the hours are absent or unreadable, which both mean "unknown").
 */
export function hoursOf(site: Site): OpeningHours | undefined {
  let parsed = parsedHours.get(site);
  if (parsed === undefined) {
    const text = site.openingHours;
    const result = text === undefined ? undefined : safeParseOpeningHours(text);
    parsed = result?.success ? result.value : null;
    parsedHours.set(site, parsed);
  }
  return parsed ?? undefined;
}

/** An open range of a day, as shown: `09:00`–`12:00`. */
export interface HoursRange {
  readonly from: string;
  readonly to: string;
  /** Open by appointment only in that range (the hours' comment says so: `"sur rendez-vous"`). */
  readonly appointmentOnly: boolean;
  /** The comment of the hours for that range, as written. */
  readonly comment?: string;
}

/** One day of the week shown in the detail panel. */
export interface HoursDay {
  /** `YYYY-MM-DD`, Paris. */
  readonly date: string;
  readonly weekday: IsoWeekday;
  /** `lundi` / `Monday`. */
  readonly name: string;
  readonly today: boolean;
  /** A French public holiday (metropolitan list). */
  readonly holiday: boolean;
  /** Empty: closed that day. */
  readonly ranges: readonly HoursRange[];
  /** The day in words: `09:00–12:00, 14:00–17:00 (sur rendez-vous)`, `Fermé`. */
  readonly text: string;
}

/** The hours of a site in words, at an instant. */
export interface HoursDescription {
  /** `unknown`: no hours, or hours that could not be read. */
  readonly status: 'open' | 'closed' | 'unknown';
  /** Open now, by appointment only. */
  readonly appointmentOnly: boolean;
  /** `Ouvert jusqu’à 17:00`, `Ouvre mardi à 09:00`, `Fermé`, `Horaires inconnus`… */
  readonly summary: string;
  /** When open: when it closes (undefined when it does not within a year). */
  readonly closesAt?: Date;
  /** When closed: when it opens next (undefined when not within a year). */
  readonly opensAt?: Date;
  /** The ISO week (Monday to Sunday, Paris) holding the instant; empty when unknown. */
  readonly week: readonly HoursDay[];
  /** Open hours in that week, and those by appointment only (core's `weekSummary`). */
  readonly weekHours?: number;
  readonly appointmentOnlyHours?: number;
  /** When the hours are unknown: the source's own text, for people to read (`openingHoursText`, or unreadable `openingHours`). */
  readonly original?: string;
}

const DAY_NAMES = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;

const WORDS = {
  fr: {
    unknown: 'Horaires inconnus',
    closed: 'Fermé',
    always: 'Ouvert 24 h/24',
    until: (when: string) => `Ouvert jusqu’à ${when}`,
    opens: (when: string) => `Ouvre ${when}`,
    at: (time: string) => `à ${time}`,
    tomorrowAt: (time: string) => `demain à ${time}`,
    dayAt: (day: string, time: string) => `${day} à ${time}`,
    dateAt: (date: string, time: string) => `le ${date} à ${time}`,
    untilTomorrow: (time: string) => `demain ${time}`,
    untilDay: (day: string, time: string) => `${day} ${time}`,
    untilDate: (date: string, time: string) => `le ${date} à ${time}`,
    midnight: 'minuit',
    appointment: 'sur rendez-vous',
  },
  en: {
    unknown: 'Hours unknown',
    closed: 'Closed',
    always: 'Open 24/7',
    until: (when: string) => `Open until ${when}`,
    opens: (when: string) => `Opens ${when}`,
    at: (time: string) => `at ${time}`,
    tomorrowAt: (time: string) => `tomorrow ${time}`,
    dayAt: (day: string, time: string) => `${day} ${time}`,
    dateAt: (date: string, time: string) => `${date} ${time}`,
    untilTomorrow: (time: string) => `tomorrow ${time}`,
    untilDay: (day: string, time: string) => `${day} ${time}`,
    untilDate: (date: string, time: string) => `${date} ${time}`,
    midnight: 'midnight',
    appointment: 'by appointment',
  },
} as const;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dayMonth(date: Date, locale: 'fr' | 'en'): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/Paris' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/** `HH:MM` of an instant in Paris. */
function wallTime(date: Date): string {
  const p = toParis(date);
  return formatTime(p.hour * 60 + p.minute);
}

/** The instant the place closes, skipping changes between two open states (appointment or comment). */
function closingAfter(hours: OpeningHours, now: Date): Date | undefined {
  let at = now;
  for (let i = 0; i < 32; i++) {
    const next = nextChange(hours, at);
    if (!next) return undefined;
    if (!stateAt(hours, next).open) return next;
    at = next;
  }
  return undefined;
}

function weekOf(hours: OpeningHours, now: Date, locale: 'fr' | 'en'): HoursDay[] {
  const w = WORDS[locale];
  const today = parisDate(now);
  const monday = startOfIsoWeek(today);
  const days: HoursDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDaysToDate(monday, i);
    const ranges: HoursRange[] = dayOpenRanges(hours, date).map((r) => ({
      from: formatTime(r.from),
      to: formatTime(r.to),
      appointmentOnly: r.appointmentOnly,
      ...(r.comment === undefined ? {} : { comment: r.comment }),
    }));
    const text =
      ranges.length === 0
        ? w.closed
        : ranges.map((r) => `${r.from}–${r.to}${r.appointmentOnly ? ` (${w.appointment})` : ''}`).join(', ');
    days.push({
      date,
      weekday: (i + 1) as IsoWeekday,
      name: DAY_NAMES[locale][i] ?? '',
      today: date === today,
      holiday: isPublicHoliday(date),
      ranges,
      text,
    });
  }
  return days;
}

/**
 * A site's hours in words at an instant, Europe/Paris:
 * - open: `Ouvert jusqu’à 17:00` / `Open until 17:00` (the real closing, past any
 *   change between normal and appointment-only opening), `jusqu’à demain 02:00`,
 *   `jusqu’à minuit`, `Ouvert 24 h/24` when it never closes; ` (sur rendez-vous)` /
 *   ` (by appointment)` when open now by appointment only;
 * - closed: `Ouvre à 14:00` (today), `Ouvre demain à 09:00`, `Ouvre mardi à 09:00` /
 *   `Opens Tuesday 09:00` (within 6 days), `Ouvre le 2 septembre à 09:00` beyond,
 *   `Fermé` / `Closed` when it opens on no day of the coming year;
 * - unknown: `Horaires inconnus` / `Hours unknown`, with the source's own text in
 *   `original` when it gave one that could not be read.
 *
 * Appointment-only periods are those whose OSM comment says so (core's parser
 * sets `appointmentOnly` for `"sur rendez-vous"`, `"rdv"`, `"appointment"`).
 * Public holidays follow the hours (`PH off`); days that are holidays are marked in `week`.
 * Takes the site record or the finder's site.
 */
export function describeHours(site: Site | FinderSite, now: Date, locale: 'fr' | 'en'): HoursDescription {
  const w = WORDS[locale];
  if ('site' in site) site = site.site;
  const hours = hoursOf(site);
  if (!hours) {
    const original = site.openingHoursText ?? site.openingHours;
    return { status: 'unknown', appointmentOnly: false, summary: w.unknown, week: [], ...(original === undefined ? {} : { original }) };
  }
  const state = stateAt(hours, now);
  const week = weekOf(hours, now, locale);
  const summaryOfWeek = weekSummary(hours, now);
  const common = { week, weekHours: summaryOfWeek.hours, appointmentOnlyHours: summaryOfWeek.appointmentOnlyHours };
  const today = parisDate(now);
  if (state.open) {
    const closes = closingAfter(hours, now);
    const suffix = state.appointmentOnly ? ` (${w.appointment})` : '';
    if (!closes) return { status: 'open', appointmentOnly: state.appointmentOnly, summary: `${w.always}${suffix}`, ...common };
    const days = daysBetween(today, parisDate(closes));
    const time = wallTime(closes);
    const when =
      days === 0
        ? time
        : days === 1 && time === '00:00'
          ? w.midnight
          : days === 1
            ? w.untilTomorrow(time)
            : days < 7
              ? w.untilDay(DAY_NAMES[locale][toParis(closes).weekday - 1] ?? '', time)
              : w.untilDate(dayMonth(closes, locale), time);
    return { status: 'open', appointmentOnly: state.appointmentOnly, summary: `${w.until(when)}${suffix}`, closesAt: closes, ...common };
  }
  const opens = nextChange(hours, now);
  if (!opens) return { status: 'closed', appointmentOnly: false, summary: w.closed, ...common };
  const days = daysBetween(today, parisDate(opens));
  const time = wallTime(opens);
  const when =
    days === 0
      ? w.at(time)
      : days === 1
        ? w.tomorrowAt(time)
        : days < 7
          ? w.dayAt(DAY_NAMES[locale][toParis(opens).weekday - 1] ?? '', time)
          : w.dateAt(dayMonth(opens, locale), time);
  const suffix = stateAt(hours, opens).appointmentOnly ? ` (${w.appointment})` : '';
  return { status: 'closed', appointmentOnly: false, summary: `${w.opens(when)}${suffix}`, opensAt: opens, ...common };
}
