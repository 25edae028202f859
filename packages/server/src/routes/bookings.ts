import { BookingConfirmation } from '@rsp/core/client.js';
import { Booking, BookingPerson, Channel, Id, IsoDateTime } from '@rsp/core/schemas.js';
import type { Locale } from '@rsp/core/locale.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import type { FieldProblem, Words } from '../api/problems.js';
import { isTargetProblem, slotContext } from '../booking/context.js';
import type { SlotContext, SlotTarget } from '../booking/context.js';
import { bookingIcs } from '../booking/ics.js';
import { chooseDesk, formatParis } from '../booking/slots.js';
import type { DeskChoice } from '../booking/slots.js';
import { cancelBooking, findBookingByToken, findStoredBooking, insertBooking, lockBookingResource, moveBooking } from '../db/bookings.js';
import type { CatalogSnapshot } from '../catalog.js';
import type { Queryable } from '../db/database.js';
import { ConflictError } from '../db/errors.js';

/** Booking tokens: what `insertBooking` issues (base64url), as docs/api.md describes them. */
const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

const TokenParams = z.strictObject({ token: z.string().regex(TOKEN) });
/** `{token}.ics`: the router gives the segment with its suffix. */
const IcsParams = z
  .strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{16,200}\.ics$/) })
  .transform((p) => ({ token: p.token.slice(0, -'.ics'.length) }));

const endAfterStart = (b: { start: string; end: string }) => Date.parse(b.end) > Date.parse(b.start);

const BookingRequest = z
  .strictObject({
    agencyId: Id,
    motifId: Id,
    siteId: z.optional(Id),
    channel: Channel,
    start: IsoDateTime,
    end: IsoDateTime,
    person: BookingPerson,
    bookedBy: z.enum(['user', 'mediator']).optional(),
  })
  .refine(endAfterStart, { message: 'rsp.endAfterStart', path: ['end'] });

const CancelRequest = z.strictObject({ reason: z.string().max(500, 'rsp.tooLong').optional() });

const RescheduleRequest = z.strictObject({ start: IsoDateTime, end: IsoDateTime }).refine(endAfterStart, { message: 'rsp.endAfterStart', path: ['end'] });

const takenProblem = (locale: Locale) =>
  new ApiProblem('slot-taken', { fr: 'Ce créneau vient d’être réservé. Choisissez-en un autre.', en: 'This slot has just been booked. Choose another one.' }, {
    errors: [{ path: 'start', message: locale === 'fr' ? 'n’est plus libre' : 'is no longer free' }],
  });

const notFound = () =>
  new ApiProblem('not-found', {
    fr: 'Aucun rendez-vous ne correspond à ce lien. Vérifiez qu’il est complet.',
    en: 'No appointment matches this link. Check that it is complete.',
  });

/** The context of a booking target in the referential, or a `422` naming the field that does not fit. */
function contextOrInvalid(catalog: CatalogSnapshot, target: SlotTarget, locale: Locale): SlotContext {
  const context = slotContext(catalog, target);
  if (!isTargetProblem(context)) return context;
  throw new ApiProblem('invalid', context.words, { errors: [{ path: context.field, message: context.words[locale] }] });
}

/** The answer to a refused desk choice: `409` when taken, `422` when the time is not a slot. */
function refusal(choice: Exclude<DeskChoice, { ok: true }>, locale: Locale): ApiProblem {
  if (choice.reason === 'taken') return takenProblem(locale);
  const words: Words = { fr: `Cet horaire n’est pas un créneau libre : ${choice.messageFr}`, en: `This time is not a free slot: ${choice.message}` };
  const errors: FieldProblem[] = [{ path: choice.reason === 'channel' ? 'channel' : 'start', message: locale === 'fr' ? choice.messageFr : choice.message }];
  return new ApiProblem('invalid', words, { errors });
}

/** Runs a write that the exclusion constraint may refuse: `bookings_no_overlap` becomes `409 slot-taken`. */
async function orTaken<T>(write: () => Promise<T>, locale: Locale): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConflictError && error.constraint === 'bookings_no_overlap') throw takenProblem(locale);
    throw error;
  }
}

const confirmation = (booking: Booking, token: string) => ({ booking, token, icsUrl: `/api/bookings/${token}.ics` });

/** `409 booking-past`: the appointment has started (or was honoured or missed). */
const pastProblem = () =>
  new ApiProblem('booking-past', {
    fr: 'Ce rendez-vous a déjà commencé ou est passé : il ne peut plus être changé.',
    en: 'This appointment has already started or is over: it can no longer be changed.',
  });

function isPast(booking: Booking, now: Date): boolean {
  return booking.status === 'honoured' || booking.status === 'no-show' || Date.parse(booking.start) <= now.getTime();
}

/** Holds the receiver's lock, re-checks the time and answers the desk to book. */
async function lockAndChoose(db: Queryable, context: SlotContext, now: Date, start: Date, end: Date, locale: Locale, ignore?: string): Promise<string> {
  await lockBookingResource(db, context.receiver);
  const choice = await chooseDesk(db, context, now, start, end, ignore);
  if (!choice.ok) throw refusal(choice, locale);
  return choice.desk;
}

/**
 * The bookings endpoints of docs/api.md. The `.ics` route comes before the
 * plain `{token}` one, which would otherwise take `….ics` as a token.
 */
export const bookingEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'POST',
    path: '/api/bookings',
    tag: 'bookings',
    summary: 'Books a free slot (one of GET /api/slots). Idempotency-Key required.',
    body: BookingRequest,
    idempotency: 'required',
    answers: { 201: { description: 'The booking, its secret token and its calendar file’s address', schema: BookingConfirmation } },
    problems: [409],
    async handle({ body, grant, db, catalog, services, locale }) {
      if (body.bookedBy === 'mediator') {
        if (!grant)
          throw new ApiProblem(
            'unauthorized',
            { fr: 'Une réservation par un médiateur demande son jeton d’accès.', en: 'A booking by a mediator needs their access token.' },
            { headers: { 'WWW-Authenticate': 'Bearer' } },
          );
        if (grant.role !== 'mediator' || (body.siteId !== undefined && grant.siteId !== body.siteId))
          throw new ApiProblem('forbidden', {
            fr: 'Seul un médiateur de ce lieu peut réserver en son nom (bookedBy: "mediator").',
            en: 'Only a mediator of this site may book on their behalf (bookedBy: "mediator").',
          });
      }
      const context = contextOrInvalid(catalog, body, locale);
      const now = services.now();
      const start = new Date(body.start);
      const end = new Date(body.end);
      const desk = await lockAndChoose(db, context, now, start, end, locale);
      const created = await orTaken(
        () =>
          insertBooking(
            db,
            {
              agencyId: body.agencyId,
              motifId: body.motifId,
              siteId: body.siteId,
              channel: body.channel,
              start: formatParis(start),
              end: formatParis(end),
              person: body.person,
              bookedBy: body.bookedBy,
              resource: desk,
            },
            { now, lock: false },
          ),
        locale,
      );
      return ok(confirmation(created.booking, created.token), 201, { Location: `/api/bookings/${created.token}` });
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/bookings/{token}.ics',
    tag: 'bookings',
    summary: 'A booking as an iCalendar file (RFC 5545).',
    params: IcsParams,
    produces: ['text/calendar'],
    answers: { 200: { description: 'One VEVENT, times in UTC', contentType: 'text/calendar' } },
    async handle({ params, db, catalog, locale }) {
      const booking = await findBookingByToken(db, params.token);
      if (!booking) throw notFound();
      const text = bookingIcs({
        booking,
        agency: catalog.agencyById.get(booking.agencyId),
        motif: catalog.motifById.get(booking.motifId),
        site: booking.siteId === undefined ? undefined : catalog.siteById.get(booking.siteId),
        locale,
      });
      return {
        status: 200,
        body: text,
        contentType: 'text/calendar; charset=utf-8',
        headers: { 'Content-Disposition': 'attachment; filename="rendez-vous.ics"', 'Cache-Control': 'no-store' },
      };
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/bookings/{token}',
    tag: 'bookings',
    summary: 'A booking, by the secret token of its confirmation.',
    params: TokenParams,
    answers: { 200: { description: 'The booking', schema: Booking } },
    async handle({ params, db }) {
      const booking = await findBookingByToken(db, params.token);
      if (!booking) throw notFound();
      return ok(booking, 200, { 'Cache-Control': 'no-store' });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/bookings/{token}/cancel',
    tag: 'bookings',
    summary: 'Cancels a booking (again: the same answer); 409 once it has started.',
    params: TokenParams,
    body: CancelRequest,
    idempotency: 'optional',
    answers: { 200: { description: 'The cancelled booking', schema: Booking } },
    problems: [409],
    async handle({ params, db, services }) {
      const stored = await findStoredBooking(db, params.token, { forUpdate: true });
      if (!stored) throw notFound();
      if (stored.booking.status === 'cancelled') return ok(stored.booking);
      if (isPast(stored.booking, services.now())) throw pastProblem();
      const cancelled = await cancelBooking(db, params.token);
      if (!cancelled) throw notFound();
      return ok(cancelled);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/bookings/{token}/reschedule',
    tag: 'bookings',
    summary: 'Moves a booking to another free slot, keeping its token.',
    params: TokenParams,
    body: RescheduleRequest,
    idempotency: 'optional',
    answers: { 200: { description: 'The moved booking, the same token', schema: BookingConfirmation } },
    problems: [409],
    async handle({ params, body, db, catalog, services, locale }) {
      const stored = await findStoredBooking(db, params.token, { forUpdate: true });
      if (!stored) throw notFound();
      const { booking } = stored;
      const now = services.now();
      if (booking.status === 'cancelled')
        throw new ApiProblem('booking-cancelled', {
          fr: 'Ce rendez-vous a été annulé : prenez-en un nouveau.',
          en: 'This appointment was cancelled: book a new one.',
        });
      if (isPast(booking, now)) throw pastProblem();
      const context = contextOrInvalid(catalog, booking, locale);
      const start = new Date(body.start);
      const end = new Date(body.end);
      const desk = await lockAndChoose(db, context, now, start, end, locale, booking.id);
      const moved = await orTaken(() => moveBooking(db, booking.id, { start: formatParis(start), end: formatParis(end), resource: desk }), locale);
      if (!moved) throw notFound();
      return ok(confirmation(moved, params.token));
    },
  }),
];

