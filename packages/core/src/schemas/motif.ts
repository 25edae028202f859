import '../zod-config.js';
import * as z from 'zod/mini';
import { Id, LocalizedText, SchemaVersion, text } from './common.js';

/** How an appointment takes place. */
export const Channel = z.enum(['on-site', 'phone', 'visio']);
export type Channel = z.infer<typeof Channel>;

/**
 * What an appointment is about, for one agency (RDV Service Public calls it a
 * *motif*): its duration, the channels it allows, the buffer after it and
 * the booking window. Motifs route people to the right kind of adviser.
 */
export const Motif = z
  .strictObject({
    schemaVersion: SchemaVersion,
    id: Id,
    agencyId: Id,
    label: LocalizedText,
    description: z.optional(LocalizedText),
    /** The kind of adviser who handles it (`retraite`, `prestations-familiales`…). */
    adviserKind: z.optional(text(80)),
    durationMinutes: z.number().check(z.int('rsp.integer'), z.gte(5, 'rsp.minDuration'), z.lte(480, 'rsp.maxDuration')),
    channels: z.array(Channel).check(z.minLength(1, 'rsp.atLeastOne')),
    /** Free time kept after each appointment. */
    bufferMinutes: z._default(z.number().check(z.int('rsp.integer'), z.gte(0, 'rsp.nonNegative'), z.lte(240, 'rsp.tooBig')), 0),
    /** The least notice for a booking (not less than 30 minutes ahead by default). */
    minNoticeMinutes: z._default(z.number().check(z.int('rsp.integer'), z.gte(0, 'rsp.nonNegative'), z.lte(43200, 'rsp.tooBig')), 30),
    /** How far ahead one may book (about 3 months by default). */
    horizonDays: z._default(z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive'), z.lte(366, 'rsp.tooBig')), 92),
  })
  .check(z.refine((m) => new Set(m.channels).size === m.channels.length, { message: 'rsp.duplicates', path: ['channels'] }));
export type Motif = z.infer<typeof Motif>;
export type MotifInput = z.input<typeof Motif>;
