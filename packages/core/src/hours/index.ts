/**
 * Opening hours (`@rsp/core/hours.js`): a compact parser and evaluator for the
 * subset of the OpenStreetMap `opening_hours` syntax used by the national
 * data (see `docs/opening-hours.md`), and French public holidays. All
 * evaluation is in Europe/Paris wall-clock time.
 *
 * @module
 */
export { fromDailyRanges } from './build.js';
export type { DailyRange, DailyRanges } from './build.js';
export { NEXT_CHANGE_HORIZON_DAYS, dayOpenRanges, isOpenAt, nextChange, openIntervals, stateAt, weekSummary } from './evaluate.js';
export type { OpenInterval, OpenRange, OpeningHoursOptions, OpeningState, WeekSummary } from './evaluate.js';
export { easterSunday, isPublicHoliday, publicHolidays } from './holidays.js';
export type { HolidayRegion, PublicHoliday } from './holidays.js';
export {
  OpeningHoursSyntaxError,
  isAppointmentComment,
  isOpeningHoursSyntaxError,
  parseOpeningHours,
  safeParseOpeningHours,
} from './parse.js';
export type { OpeningHoursSyntaxErrorDetails, SafeParseOpeningHoursResult } from './parse.js';
export { formatTime, serializeOpeningHours } from './serialize.js';
export type {
  Month,
  MonthDay,
  MonthdaySelector,
  NthEntry,
  OpeningHours,
  OpeningHoursRule,
  TimeRange,
  WeekdaySelector,
  WeekSelector,
} from './ast.js';
