/**
 * The calendar grid of `<rsp-booking>` as pure functions of `YYYY-MM-DD`
 * dates (Europe/Paris days): the weeks of a month, Monday first, and the
 * keyboard moves of the WAI-ARIA date picker pattern.
 *
 * @module
 */
import { addDaysToDate, daysInMonth, formatIsoDate, isoWeekday, parseIsoDate } from '@rsp/core/time.js';

/** A cell of the month grid: a day of the month, or padding before the 1st and after the last day. */
export interface MonthCell {
  /** `YYYY-MM-DD`, or `undefined` for padding. */
  readonly date: string | undefined;
}

/** The keys the grid answers. */
export type CalendarKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/** The weeks of a month (month 1–12), Monday first, each of 7 cells. */
export function monthGrid(year: number, month: number): MonthCell[][] {
  const first = formatIsoDate({ year, month, day: 1 });
  const cells: MonthCell[] = Array.from({ length: isoWeekday(first) - 1 }, () => ({ date: undefined }));
  const days = daysInMonth(year, month);
  for (let day = 1; day <= days; day++) cells.push({ date: formatIsoDate({ year, month, day }) });
  while (cells.length % 7 !== 0) cells.push({ date: undefined });
  const weeks: MonthCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The same day of the month `months` later (or earlier), clamped to that month's last day (31 January + 1 → 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/**
 * Where the focus goes from `date` on a key: a day left or right, a week up
 * or down, the week's Monday (Home) or Sunday (End), the same day of the
 * previous (PageUp) or next (PageDown) month.
 */
export function moveDay(date: string, key: CalendarKey): string {
  switch (key) {
    case 'ArrowLeft':
      return addDaysToDate(date, -1);
    case 'ArrowRight':
      return addDaysToDate(date, 1);
    case 'ArrowUp':
      return addDaysToDate(date, -7);
    case 'ArrowDown':
      return addDaysToDate(date, 7);
    case 'Home':
      return addDaysToDate(date, 1 - isoWeekday(date));
    case 'End':
      return addDaysToDate(date, 7 - isoWeekday(date));
    case 'PageUp':
      return addMonths(date, -1);
    case 'PageDown':
      return addMonths(date, 1);
  }
}

/** Whether a key is one the grid answers. */
export function isCalendarKey(key: string): key is CalendarKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(key);
}
