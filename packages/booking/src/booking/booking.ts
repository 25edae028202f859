// The booking widget shows its messages in <rsp-notice>: registering it registers the notice.
import '@rsp/elements/notice.js';
import { RspBooking } from './booking.component.js';

export { RspBooking };
export { RspBookingCancelEvent, RspBookingConfirmEvent, RspBookingRescheduleEvent, RspBookingStepEvent } from './booking.events.js';
export type { BookingStep, RspBookingCancelDetail, RspBookingConfirmDetail, RspBookingRescheduleDetail, RspBookingStepDetail } from './booking.events.js';

// Warns and keeps the first definition when a page loads two copies of RSP Kit.
RspBooking.define('rsp-booking');

declare global {
  interface HTMLElementTagNameMap {
    'rsp-booking': RspBooking;
  }
}
