import '../zod-config.js';
import * as z from 'zod/mini';
import { Id, IsoDate, SchemaVersion, text } from './common.js';

/** A training a mediator received from a partner agency. */
export const Training = z.strictObject({
  agencyId: Id,
  date: z.optional(IsoDate),
  hours: z.optional(z.number().check(z.positive('rsp.positive'), z.lte(200, 'rsp.tooBig'))),
});
export type Training = z.infer<typeof Training>;

/** A mediator (animateur, agent d'accueil, conseiller France Services). */
export const Mediator = z.strictObject({
  schemaVersion: SchemaVersion,
  id: Id,
  name: text(120),
  role: z.enum(['multimedia-animator', 'reception-agent', 'france-services-adviser', 'other']),
  siteIds: z.array(Id).check(z.minLength(1, 'rsp.atLeastOne')),
  trainings: z._default(z.array(Training), []),
});
export type Mediator = z.infer<typeof Mediator>;
export type MediatorInput = z.input<typeof Mediator>;
