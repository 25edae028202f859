import '../zod-config.js';
import * as z from 'zod/mini';
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
    motifId: z.optional(Id),
    requestedAt: IsoDateTime,
    startedAt: z.optional(IsoDateTime),
    endedAt: z.optional(IsoDateTime),
    outcome: z.optional(VisioOutcome),
    documentsExchanged: z._default(z.number().check(z.int('rsp.integer'), z.gte(0, 'rsp.nonNegative'), z.lte(1000, 'rsp.tooBig')), 0),
  })
  .check(
    z.refine((s) => s.startedAt === undefined || Date.parse(s.startedAt) >= Date.parse(s.requestedAt), {
      message: 'rsp.startAfterRequest',
      path: ['startedAt'],
      ...whenValid('requestedAt', 'startedAt'),
    }),
    z.refine((s) => s.endedAt === undefined || (s.startedAt !== undefined && Date.parse(s.endedAt) >= Date.parse(s.startedAt)), {
      message: 'rsp.endAfterStart',
      path: ['endedAt'],
      ...whenValid('startedAt', 'endedAt'),
    }),
  );
export type VisioSession = z.infer<typeof VisioSession>;
export type VisioSessionInput = z.input<typeof VisioSession>;
