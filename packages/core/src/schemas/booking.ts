import '../zod-config.js';
import * as z from 'zod/mini';
import { Email, Id, IsoDateTime, Phone, SchemaVersion, text, whenValid } from './common.js';
import { Channel } from './motif.js';

/** The person an appointment is for: a name, and a phone number or an e-mail for the confirmation. */
export const BookingPerson = z
  .strictObject({
    name: text(120),
    phone: z.optional(Phone),
    email: z.optional(Email),
  })
  .check(z.refine((p) => p.phone !== undefined || p.email !== undefined, { message: 'rsp.phoneOrEmail', path: ['phone'] }));
export type BookingPerson = z.infer<typeof BookingPerson>;

/** An appointment with a partner agency, at a site, by phone or by visio-guichet. */
export const Booking = z
  .strictObject({
    schemaVersion: SchemaVersion,
    id: Id,
    agencyId: Id,
    motifId: Id,
    /** The site where it happens, or from which the visio-guichet call is made. */
    siteId: z.optional(Id),
    channel: Channel,
    start: IsoDateTime,
    end: IsoDateTime,
    status: z._default(z.enum(['confirmed', 'cancelled', 'honoured', 'no-show']), 'confirmed'),
    person: BookingPerson,
    /** Booked by the person, or by a mediator on their behalf. */
    bookedBy: z._default(z.enum(['user', 'mediator']), 'user'),
    createdAt: IsoDateTime,
  })
  .check(
    z.refine((b) => Date.parse(b.end) > Date.parse(b.start), { message: 'rsp.endAfterStart', path: ['end'], ...whenValid('start', 'end') }),
    z.refine((b) => b.channel === 'phone' || b.siteId !== undefined, { message: 'rsp.siteRequired', path: ['siteId'] }),
  );
export type Booking = z.infer<typeof Booking>;
export type BookingInput = z.input<typeof Booking>;
