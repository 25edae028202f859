import '../zod-config.js';
import { z } from 'zod';
import { Id, IsoDateTime, SchemaVersion, whenValid } from './common.js';

/** How a visio-guichet call ended, as the agent records it. */
export const VisioOutcome = z.enum(['settled', 'follow-up-appointment', 'redirected', 'abandoned']);
export type VisioOutcome = z.infer<typeof VisioOutcome>;

/** A visio-guichet session between a site and an agency's agent. */
export const VisioSession = z
  .strictObject({
    schemaVersion: SchemaVersion,
    id: Id,
    siteId: Id,
    agencyId: Id,
    motifId: Id.optional(),
    requestedAt: IsoDateTime,
    startedAt: IsoDateTime.optional(),
    endedAt: IsoDateTime.optional(),
    outcome: VisioOutcome.optional(),
    documentsExchanged: z.number().int('rsp.integer').min(0, 'rsp.nonNegative').max(1000, 'rsp.tooBig').default(0),
  })
  .refine((s) => s.startedAt === undefined || Date.parse(s.startedAt) >= Date.parse(s.requestedAt), {
    message: 'rsp.startAfterRequest',
    path: ['startedAt'],
    ...whenValid('requestedAt', 'startedAt'),
  })
  .refine((s) => s.endedAt === undefined || (s.startedAt !== undefined && Date.parse(s.endedAt) >= Date.parse(s.startedAt)), {
    message: 'rsp.endAfterStart',
    path: ['endedAt'],
    ...whenValid('startedAt', 'endedAt'),
  });
export type VisioSession = z.infer<typeof VisioSession>;
export type VisioSessionInput = z.input<typeof VisioSession>;
