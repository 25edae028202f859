import '../zod-config.js';
import { z } from 'zod';
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
    description: LocalizedText.optional(),
    /** The kind of adviser who handles it (`retraite`, `prestations-familiales`…). */
    adviserKind: text(80).optional(),
    durationMinutes: z.number().int('rsp.integer').min(5, 'rsp.minDuration').max(480, 'rsp.maxDuration'),
    channels: z.array(Channel).min(1, 'rsp.atLeastOne'),
    /** Free time kept after each appointment. */
    bufferMinutes: z.number().int('rsp.integer').min(0, 'rsp.nonNegative').max(240, 'rsp.tooBig').default(0),
    /** The least notice for a booking (not less than 30 minutes ahead by default). */
    minNoticeMinutes: z.number().int('rsp.integer').min(0, 'rsp.nonNegative').max(43200, 'rsp.tooBig').default(30),
    /** How far ahead one may book (about 3 months by default). */
    horizonDays: z.number().int('rsp.integer').min(1, 'rsp.positive').max(366, 'rsp.tooBig').default(92),
  })
  .refine((m) => new Set(m.channels).size === m.channels.length, { message: 'rsp.duplicates', path: ['channels'] });
export type Motif = z.infer<typeof Motif>;
export type MotifInput = z.input<typeof Motif>;
