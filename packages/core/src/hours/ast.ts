/**
 * The syntax tree of an opening-hours value: plain, JSON-serialisable data.
 * `parseOpeningHours` builds it, `serializeOpeningHours` writes it back in
 * canonical form, the evaluator reads it. Weekdays, months and times are
 * numbers; the tree keeps the shape that was written (`Mo,Tu` stays two
 * items, `Mo-Tu` one), so that writing it back gives the same rules.
 *
 * @module
 */

import type { IsoWeekday } from '../time/paris.js';

/** A month, 1 = January … 12 = December. */
export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** A day of a month, e.g. `{ month: 12, day: 24 }` for `Dec 24`. */
export interface MonthDay {
  readonly month: Month;
  /** 1–31, valid for the month (29 for February). */
  readonly day: number;
}

/**
 * One item of a month/date selector; a range may wrap over New Year
 * (`Sep-Jun`, `Dec 24-Jan 02`).
 * - `months`: whole months, `Jul-Aug` or `Dec` (`from` = `to`);
 * - `dates`: days, `Dec 24` (`from` = `to`), `Dec 24-26`, `Jan 01-Mar 15`.
 */
export type MonthdaySelector =
  | { readonly type: 'months'; readonly from: Month; readonly to: Month }
  | { readonly type: 'dates'; readonly from: MonthDay; readonly to: MonthDay };

/**
 * One item of a `week` selector: ISO weeks `from`–`to` (1–53, `from` ≤ `to`),
 * every `step` weeks counting from `from` when `step` is given (≥ 2):
 * `week 01-53/2` is the odd weeks.
 */
export interface WeekSelector {
  readonly from: number;
  readonly to: number;
  readonly step?: number;
}

/**
 * The n-th occurrences of a weekday in its month: `{ from: 1, to: 1 }` is the
 * first, `{ from: 1, to: 2 }` the first two, `{ from: -1, to: -1 }` the last
 * (negative entries are single).
 */
export interface NthEntry {
  readonly from: number;
  readonly to: number;
}

/**
 * One item of a weekday selector:
 * - `weekdays`: `Mo-Fr`, `Sa` (`from` = `to`), wrapping `Sa-Mo`;
 * - `nth`: `We[1,3]`, `Mo[-1]`: some occurrences of one weekday in the month;
 * - `holiday`: `PH`, a public holiday of the region chosen at evaluation.
 */
export type WeekdaySelector =
  | { readonly type: 'weekdays'; readonly from: IsoWeekday; readonly to: IsoWeekday }
  | { readonly type: 'nth'; readonly weekday: IsoWeekday; readonly nth: readonly NthEntry[] }
  | { readonly type: 'holiday' };

/** A wall-clock time range in minutes from midnight, `from` < `to` ≤ 1440 (`24:00`). */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/**
 * One rule. Its selectors all have to match a day for the rule to apply
 * (a missing selector matches every day); within one selector the items are
 * alternatives. Without `times` the rule covers the whole day.
 */
export interface OpeningHoursRule {
  /**
   * `false` for a normal rule (after `;`, or the first rule): on the days it
   * selects, an opening rule replaces what earlier rules said (a closing rule,
   * or one with times only, just paints its times). `true` for an additional
   * rule (after `,`): it only changes the times it names. An additional rule
   * must follow a rule that ends with times, a state or a comment, and cannot
   * start with times right after times (the text would read them as more
   * times of the rule before).
   */
  readonly additional: boolean;
  /** `24/7`: no other selector. */
  readonly always?: true;
  /** Months or dates (`Sep-Jun`, `Dec 24`), any of which selects the day. */
  readonly monthdays?: readonly MonthdaySelector[];
  /** ISO weeks (`week 01-53/2`), any of which selects the day. */
  readonly weeks?: readonly WeekSelector[];
  /** Weekdays, n-th weekdays, public holidays (`Mo-Fr`, `We[1,3]`, `PH`), any of which selects the day. */
  readonly weekdays?: readonly WeekdaySelector[];
  /** The time ranges of the day; none means the whole day. */
  readonly times?: readonly TimeRange[];
  /** The state keyword as written: `open`, or `closed` for `off`/`closed`. Without it the rule opens. */
  readonly modifier?: 'open' | 'closed';
  /** The text of a `"…"` comment, without the quotes. */
  readonly comment?: string;
  /** Whether the comment says the opening is by appointment only (`"sur rendez-vous"`, `"rdv"`, `"appointment"`). */
  readonly appointmentOnly: boolean;
}

/** A parsed opening-hours value: its rules in order. */
export interface OpeningHours {
  readonly rules: readonly OpeningHoursRule[];
}
