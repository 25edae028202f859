// @rsp/booking: class, events and types. Importing this module registers
// nothing; import '@rsp/booking/booking.js' (or the CDN bundle) for that.
export { RspBooking } from './booking/booking.component.js';
export { RspBookingCancelEvent, RspBookingConfirmEvent, RspBookingRescheduleEvent, RspBookingStepEvent } from './booking/booking.events.js';
export type { BookingStep, RspBookingCancelDetail, RspBookingConfirmDetail, RspBookingRescheduleDetail, RspBookingStepDetail } from './booking/booking.events.js';
export { monthGrid, moveDay } from './booking/calendar.js';
export type { CalendarKey, MonthCell } from './booking/calendar.js';
export { version } from './version.js';
