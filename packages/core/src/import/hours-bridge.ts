/**
 * Per-day ranges to OSM `opening_hours`, through the hours module's builder
 * (`fromDailyRanges` + `serializeOpeningHours`).
 *
 * @module
 */
import { fromDailyRanges, serializeOpeningHours } from '../hours/index.js';
import type { MinuteRange } from './day-cell.js';

/** Ranges per ISO weekday, Monday 1 … Sunday 7; an empty list is closed. */
export type WeekRanges = Record<1 | 2 | 3 | 4 | 5 | 6 | 7, MinuteRange[]>;

/** OSM `opening_hours` of a week of ranges (`Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00`). */
export function weekToOsm(week: WeekRanges): string {
  return serializeOpeningHours(fromDailyRanges(week));
}
