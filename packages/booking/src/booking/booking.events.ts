import { RspEvent } from '@rsp/elements';
import type { Booking } from '@rsp/core/schemas.js';

/** The steps and states of `<rsp-booking>`. */
export type BookingStep =
  | 'subject'
  | 'channel'
  | 'place'
  | 'time'
  | 'details'
  | 'summary'
  | 'done'
  | 'manage'
  | 'cancelled'
  | 'agenda'
  | 'static';

/** Detail of `rsp-booking-confirm`: the booking made, and the links the person needs. */
export interface RspBookingConfirmDetail {
  readonly booking: Booking;
  /** The secret of the cancel/reschedule link: whoever holds it may cancel or move the booking. */
  readonly token: string;
  /** The calendar file's absolute address. */
  readonly icsUrl: string;
  /** The cancel/reschedule link shown to the person. */
  readonly manageUrl: string;
}

/** Detail of `rsp-booking-cancel`. */
export interface RspBookingCancelDetail {
  /** The cancelled booking (`status: "cancelled"`). */
  readonly booking: Booking;
}

/** Detail of `rsp-booking-reschedule`. */
export interface RspBookingRescheduleDetail {
  /** The booking at its new time (same id, same token). */
  readonly booking: Booking;
  readonly icsUrl: string;
}

/** Detail of `rsp-booking-step`. */
export interface RspBookingStepDetail {
  readonly step: BookingStep;
}

/** A booking was confirmed by the server (`201`). */
export class RspBookingConfirmEvent extends RspEvent<RspBookingConfirmDetail> {
  static readonly type = 'rsp-booking-confirm';
  constructor(detail: RspBookingConfirmDetail) {
    super(RspBookingConfirmEvent.type, detail);
  }
}

/** A booking was cancelled from its link. */
export class RspBookingCancelEvent extends RspEvent<RspBookingCancelDetail> {
  static readonly type = 'rsp-booking-cancel';
  constructor(detail: RspBookingCancelDetail) {
    super(RspBookingCancelEvent.type, detail);
  }
}

/** A booking was moved to another slot from its link. */
export class RspBookingRescheduleEvent extends RspEvent<RspBookingRescheduleDetail> {
  static readonly type = 'rsp-booking-reschedule';
  constructor(detail: RspBookingRescheduleDetail) {
    super(RspBookingRescheduleEvent.type, detail);
  }
}

/** The widget moved to another step or state (for a host page's progress display or analytics). */
export class RspBookingStepEvent extends RspEvent<RspBookingStepDetail> {
  static readonly type = 'rsp-booking-step';
  constructor(detail: RspBookingStepDetail) {
    super(RspBookingStepEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rsp-booking-confirm': RspBookingConfirmEvent;
    'rsp-booking-cancel': RspBookingCancelEvent;
    'rsp-booking-reschedule': RspBookingRescheduleEvent;
    'rsp-booking-step': RspBookingStepEvent;
  }
}
