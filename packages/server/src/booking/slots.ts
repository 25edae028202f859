/**
 * Free slots and the re-check of a booking, over the slot context (see
 * `./context.ts` for the resource rule) and the bookings stored for its
 * receiver's desks.
 *
 * @module
 */
import { checkSlot, listFreeSlots } from '@rsp/core/slots.js';
import type { SlotCheck } from '@rsp/core/slots.js';
import { parisOffsetMinutes } from '@rsp/core/time.js';
import type { Queryable } from '../db/database.js';
import { busyBookings } from '../db/bookings.js';
import type { BusyBooking } from '../db/bookings.js';
import { deskPrefix, desksOf, slotQueryOf } from './context.js';
import type { SlotContext } from './context.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as ISO 8601 with the Paris offset: `2026-12-01T09:30:00+01:00`. */
export function formatParis(date: Date): string {
  const offset = parisOffsetMinutes(date);
  const wall = new Date(date.getTime() + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The bookings of the receiver's desks that may matter around `[from, to)` (a day either side, for buffers). */
export function receiverBookings(db: Queryable, context: SlotContext, from: Date, to: Date): Promise<BusyBooking[]> {
  return busyBookings(db, deskPrefix(context.receiver), new Date(from.getTime() - DAY), new Date(to.getTime() + DAY));
}

/** A free slot of the context. */
export interface FreeSlot {
  readonly start: Date;
  readonly end: Date;
}

/** The free slots of a context between two instants (none when the agency does not receive there). */
export async function freeSlotsOf(db: Queryable, context: SlotContext, now: Date, from: Date, to: Date): Promise<FreeSlot[]> {
  const base = slotQueryOf(context);
  if (!base || !(from < to)) return [];
  const bookings = await receiverBookings(db, context, from, to);
  return listFreeSlots({ ...base, bookings, now, from, to });
}

/** The outcome of re-checking a proposed time: a desk to book, or why not. */
export type DeskChoice = { readonly ok: true; readonly desk: string } | Exclude<SlotCheck, { ok: true }>;

/**
 * Whether `[start, end)` is one of the context's free slots now (by
 * `checkSlot` of the core, the same rules as the listing), and, when it is,
 * the first desk free at that time. Call it under the receiver's lock, so the
 * bookings read are the last ones. `ignore`: a booking being moved.
 */
export async function chooseDesk(db: Queryable, context: SlotContext, now: Date, start: Date, end: Date, ignore?: string): Promise<DeskChoice> {
  const base = slotQueryOf(context);
  if (!base) return { ok: false, reason: 'outside-hours', message: context.closed?.en ?? '', messageFr: context.closed?.fr ?? '' };
  const bookings = (await receiverBookings(db, context, start, end)).filter((b) => b.id !== ignore);
  const check = checkSlot({ start, end }, { ...base, bookings, now });
  if (!check.ok) return check;
  const buffer = context.motif.bufferMinutes * MINUTE;
  const meets = (b: BusyBooking, margin: number) => Date.parse(b.start) < end.getTime() + margin && start.getTime() < Date.parse(b.end) + margin;
  const desks = desksOf(context);
  // A desk with no booking even within the buffer first, else one with no booking at that very time.
  const desk = desks.find((d) => !bookings.some((b) => b.resource === d && meets(b, buffer))) ?? desks.find((d) => !bookings.some((b) => b.resource === d && meets(b, 0)));
  if (desk === undefined) return { ok: false, reason: 'taken', message: 'This slot is no longer free.', messageFr: 'Ce créneau n’est plus libre.' };
  return { ok: true, desk };
}
