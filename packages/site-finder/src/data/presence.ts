import { dayOpenRanges, formatTime, safeParseOpeningHours } from '@rsp/core/hours.js';
import { addDaysToDate, isoWeekday, parisDate } from '@rsp/core/time.js';

/** One day of presence: the weekday written in the locale, and its ranges ("09:00–12:00"). */
export interface PresenceDay {
  readonly day: string;
  readonly ranges: string;
  readonly appointmentOnly: boolean;
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
  const days: (PresenceDay & { order: number })[] = [];
  const today = parisDate(now);
  for (let i = 0; i < 7; i++) {
    const date = addDaysToDate(today, i);
    const ranges = dayOpenRanges(parsed.value, date);
    if (ranges.length === 0) continue;
    days.push({
      order: isoWeekday(date),
      // Noon UTC is the same calendar day in Paris, whatever the clock change.
      day: weekday.format(new Date(`${date}T12:00:00Z`)),
      ranges: ranges.map((r) => `${formatTime(r.from)}–${formatTime(r.to)}`).join(', '),
      appointmentOnly: ranges.every((r) => r.appointmentOnly),
    });
  }
  return days.sort((a, b) => a.order - b.order).map(({ day, ranges, appointmentOnly }) => ({ day, ranges, appointmentOnly }));
}
