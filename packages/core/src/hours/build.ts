/**
 * Builds opening hours from per-day time ranges (as in the France Services
 * list, one column per weekday).
 *
 * @module
 */

import type { IsoWeekday } from '../time/paris.js';
import type { OpeningHours, OpeningHoursRule, TimeRange, WeekdaySelector } from './ast.js';

/** A time range of one day, `[startMinutes, endMinutes]` from midnight (0–1440). */
export type DailyRange = readonly [start: number, end: number];

/** Time ranges per ISO weekday (1 = Monday … 7 = Sunday); a missing or empty day is closed. */
export type DailyRanges = Readonly<Partial<Record<IsoWeekday, readonly DailyRange[]>>>;

function normalize(ranges: readonly DailyRange[], weekday: number): TimeRange[] {
  const sorted = ranges
    .map(([from, to]): TimeRange => {
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > 1440) {
        throw new RangeError(`Invalid time range [${from}, ${to}] for weekday ${weekday}: minutes must be integers from 0 to 1440`);
      }
      return { from, to };
    })
    .filter((r) => r.from < r.to)
    .sort((a, b) => a.from - b.from);
  const merged: TimeRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    else merged.push(r);
  }
  return merged;
}

const key = (ranges: readonly TimeRange[]): string => ranges.map((r) => `${r.from}-${r.to}`).join(',');

/**
 * Opening hours from time ranges per weekday, in minutes from midnight.
 * Overlapping, touching and repeated ranges of a day are merged, empty ones
 * (start ≥ end) dropped; weekdays with the same ranges share one rule
 * (`Mo-We,Fr`; runs of two days are written `Mo,Tu`). No day open gives
 * `off`. Public holidays are not mentioned: append a `PH off` rule to close
 * on them.
 *
 * @example
 * serializeOpeningHours(fromDailyRanges({ 1: [[540, 720], [840, 1020]], 2: [[540, 720], [840, 1020]], 3: [[540, 720]] }))
 * // 'Mo,Tu 09:00-12:00,14:00-17:00; We 09:00-12:00'
 * @throws {RangeError} on a minute that is not an integer from 0 to 1440 (a range may not pass midnight).
 */
export function fromDailyRanges(ranges: DailyRanges): OpeningHours {
  const groups = new Map<string, { days: IsoWeekday[]; times: TimeRange[] }>();
  for (let d = 1 as IsoWeekday; d <= 7; d = (d + 1) as IsoWeekday) {
    const times = normalize(ranges[d] ?? [], d);
    if (!times.length) continue;
    const k = key(times);
    const group = groups.get(k);
    if (group) group.days.push(d);
    else groups.set(k, { days: [d], times });
  }
  const rules: OpeningHoursRule[] = [];
  for (const { days, times } of groups.values()) {
    const weekdays: WeekdaySelector[] = [];
    for (let i = 0; i < days.length; ) {
      let j = i;
      while (j + 1 < days.length && days[j + 1] === (days[j] ?? 0) + 1) j++;
      const from = days[i] ?? 1;
      const to = days[j] ?? from;
      if (j - i >= 2) weekdays.push({ type: 'weekdays', from, to });
      else for (const d of days.slice(i, j + 1)) weekdays.push({ type: 'weekdays', from: d, to: d });
      i = j + 1;
    }
    rules.push({ additional: false, weekdays, times, appointmentOnly: false });
  }
  if (!rules.length) rules.push({ additional: false, modifier: 'closed', appointmentOnly: false });
  return { rules };
}
