import { addDaysToDate, isoWeek, parseIsoDate, startOfIsoWeek } from '../time/index.js';
import { RspError } from '../errors.js';

/** A reporting period: calendar dates `YYYY-MM-DD`, both included (Europe/Paris). */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/**
 * How an ISO week is given a quarter.
 * - `calendar` (default): the calendar quarter of the week's Thursday, the day
 *   ISO 8601 uses to give a week its year (`2026-W01` … `2026-W13` are
 *   `2026-Q1`; `2025-W01` starts on 2024-12-30 but is in `2025-Q1`).
 * - `project`: quarters of an operation, counted from its start date: quarter
 *   1 is from `start` to the day before `start` + 3 months, and so on (the Lot
 *   report's "quarter 1 … n"). A week belongs to the quarter holding its
 *   Thursday; weeks before `start` have no quarter.
 */
export type QuarterMode = { readonly kind: 'calendar' } | { readonly kind: 'project'; readonly start: string };

/** A quarter: a key to show (`2026-Q1`, or `Q1` for a project) and a number to sort by. */
export interface Quarter {
  readonly key: string;
  /** Sortable: `year * 4 + quarter - 1` for calendar quarters, the quarter number for a project. */
  readonly index: number;
}

const WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * The Thursday of an ISO week `YYYY-Www`, as `YYYY-MM-DD`.
 *
 * @example
 * weekThursday('2026-W01') // '2026-01-01'
 * @throws {RspError} when the text is not an ISO week or the year has no such week (`2026-W54`, `2025-W53`).
 */
export function weekThursday(week: string): string {
  const match = WEEK.exec(week);
  if (!match) throw new RspError(`Not an ISO week: ${week}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1.
  const thursday = addDaysToDate(startOfIsoWeek(`${String(year)}-01-04`), (number - 1) * 7 + 3);
  const check = isoWeek(thursday);
  if (number < 1 || check.year !== year || check.week !== number) throw new RspError(`No such ISO week: ${week}`);
  return thursday;
}

/** Months from `start` to `date`, counting a month only once its day of month is reached. */
function wholeMonthsBetween(start: string, date: string): number {
  const a = parseIsoDate(start);
  const b = parseIsoDate(date);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months -= 1;
  return months;
}

/** The quarter of a calendar date `YYYY-MM-DD`, or `undefined` for a date before a project's start. */
export function quarterOfDate(date: string, mode: QuarterMode = { kind: 'calendar' }): Quarter | undefined {
  if (mode.kind === 'project') {
    parseIsoDate(mode.start);
    if (date < mode.start) return undefined;
    const index = Math.floor(wholeMonthsBetween(mode.start, date) / 3) + 1;
    return { key: `Q${String(index)}`, index };
  }
  const { year, month } = parseIsoDate(date);
  const q = Math.floor((month - 1) / 3) + 1;
  return { key: `${String(year)}-Q${String(q)}`, index: year * 4 + q - 1 };
}

/**
 * The quarter of an ISO week, by its Thursday (see {@link QuarterMode}).
 *
 * @example
 * quarterOfWeek('2026-W14') // { key: '2026-Q2', index: 8105 }
 * quarterOfWeek('2009-W02', { kind: 'project', start: '2008-10-06' }) // { key: 'Q2', index: 2 }
 */
export function quarterOfWeek(week: string, mode: QuarterMode = { kind: 'calendar' }): Quarter | undefined {
  return quarterOfDate(weekThursday(week), mode);
}

/** Whether a date `YYYY-MM-DD` is in a period (both ends included); no period means always. */
export function inPeriod(date: string, period: Period | undefined): boolean {
  return period === undefined || (date >= period.from && date <= period.to);
}
