/**
 * Europe/Paris wall-clock time and calendar dates (`@rsp/core/time.js`).
 *
 * @module
 */
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
} from './paris.js';
export type { CalendarDate, InstantRange, IsoWeek, IsoWeekday, ParisDateTime, ParisWallTime } from './paris.js';
