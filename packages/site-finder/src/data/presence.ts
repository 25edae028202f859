import { dayOpenRanges, formatTime, safeParseOpeningHours } from '@rsp/core/hours.js';

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
