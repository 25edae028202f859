/**
 * Free appointment slots and booking checks in Europe/Paris time (`@rsp/core/slots.js`).
 *
 * @module
 */
export type { SlotRefusal } from './messages.js';
export {
  DEFAULT_BUFFER_MINUTES,
  DEFAULT_HORIZON_DAYS,
  DEFAULT_MIN_NOTICE_MINUTES,
  checkSlot,
  listFreeSlots,
  nextFreeSlots,
} from './slots.js';
export type { Absence, HoursInput, Slot, SlotBooking, SlotCheck, SlotMotif, SlotProposal, SlotQuery } from './slots.js';
