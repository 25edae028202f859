/**
 * Writes an opening-hours tree back as text, in canonical form.
 *
 * @module
 */

import type { MonthdaySelector, OpeningHours, OpeningHoursRule, WeekdaySelector, WeekSelector } from './ast.js';

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');
const weekdayName = (d: number): string => WEEKDAYS[d - 1] ?? '?';
const monthName = (m: number): string => MONTHS[m - 1] ?? '?';

/** A time of day in minutes (0–1440) as `HH:MM`: 570 → `'09:30'`, 1440 → `'24:00'`. */
export function formatTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function monthday(sel: MonthdaySelector): string {
  if (sel.type === 'months') return sel.from === sel.to ? monthName(sel.from) : `${monthName(sel.from)}-${monthName(sel.to)}`;
  const { from, to } = sel;
  const start = `${monthName(from.month)} ${pad(from.day)}`;
  if (from.month === to.month && from.day === to.day) return start;
  if (from.month === to.month && from.day < to.day) return `${start}-${pad(to.day)}`;
  return `${start}-${monthName(to.month)} ${pad(to.day)}`;
}

function week(sel: WeekSelector): string {
  const range = sel.from === sel.to && sel.step === undefined ? pad(sel.from) : `${pad(sel.from)}-${pad(sel.to)}`;
  return sel.step === undefined ? range : `${range}/${sel.step}`;
}

function weekday(sel: WeekdaySelector): string {
  switch (sel.type) {
    case 'holiday':
      return 'PH';
    case 'weekdays':
      return sel.from === sel.to ? weekdayName(sel.from) : `${weekdayName(sel.from)}-${weekdayName(sel.to)}`;
    case 'nth':
      return `${weekdayName(sel.weekday)}[${sel.nth.map((n) => (n.from === n.to ? String(n.from) : `${n.from}-${n.to}`)).join(',')}]`;
  }
}

function rule(r: OpeningHoursRule): string {
  const parts: string[] = [];
  if (r.always) parts.push('24/7');
  if (r.monthdays) parts.push(r.monthdays.map(monthday).join(','));
  if (r.weeks) parts.push(`week ${r.weeks.map(week).join(',')}`);
  if (r.weekdays) parts.push(r.weekdays.map(weekday).join(','));
  if (r.times) parts.push(r.times.map((t) => `${formatTime(t.from)}-${formatTime(t.to)}`).join(','));
  if (r.modifier) parts.push(r.modifier === 'open' ? 'open' : 'off');
  if (r.comment !== undefined) {
    if (r.comment.includes('"')) throw new RangeError('An opening-hours comment cannot contain a double quote');
    parts.push(`"${r.comment}"`);
  }
  return parts.join(' ');
}

/**
 * The canonical text of an opening-hours tree: English abbreviations with
 * their usual case (`Mo`, `Jan`, `PH`), two-digit hours, days and weeks,
 * `off` for `closed`, one space between the parts of a rule, `"; "` and
 * `", "` between rules, no trailing `;`. `parseOpeningHours` of the result
 * deep-equals the tree, and canonical text comes back unchanged.
 *
 * @example
 * serializeOpeningHours(parseOpeningHours('mo-fr 9:00-12:00 ;ph closed')) // 'Mo-Fr 09:00-12:00; PH off'
 * @throws {RangeError} when a comment contains `"` (the syntax cannot quote it).
 */
export function serializeOpeningHours(oh: OpeningHours): string {
  return oh.rules.map((r, i) => (i === 0 ? '' : r.additional ? ', ' : '; ') + rule(r)).join('');
}
