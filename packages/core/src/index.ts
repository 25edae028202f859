export { RspError, ValidationError, isRspError, isValidationError } from './errors.js';
export type { ValidationIssue } from './errors.js';
export {
  defaultLocale,
  intlLocales,
  isLocale,
  locales,
  matchLocale,
  parseAcceptLanguage,
  resolveLocale,
} from './locale.js';
export type { Locale } from './locale.js';
export * from './schemas/index.js';
export {
  PARIS_TIME_ZONE,
  addDaysToDate,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromParis,
  isLeapYear,
  isoWeek,
  isoWeekday,
  parisDate,
  parisOffsetMinutes,
  parisWallRange,
  parseIsoDate,
  startOfIsoWeek,
  startOfParisDay,
  toParis,
} from './time/index.js';
// `IsoWeek` is the schema of a week string (`2026-W10`); the time module's week number type is `IsoWeekNumber` here.
export type { CalendarDate, InstantRange, IsoWeek as IsoWeekNumber, IsoWeekday, ParisDateTime, ParisWallTime } from './time/index.js';
export * from './hours/index.js';
export * from './charter/index.js';
export * from './import/index.js';
export * from './geo/index.js';
export * from './slots/index.js';
export * from './evaluation/index.js';
export * from './client/index.js';
