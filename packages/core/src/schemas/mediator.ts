import '../zod-config.js';
import { z } from 'zod';
import { Id, IsoDate, SchemaVersion, text } from './common.js';

/** A training a mediator received from a partner agency. */
export const Training = z.strictObject({
  agencyId: Id,
  date: IsoDate.optional(),
  hours: z.number().positive('rsp.positive').max(200, 'rsp.tooBig').optional(),
});
export type Training = z.infer<typeof Training>;

/** A mediator (animateur, agent d'accueil, conseiller France Services). */
export const Mediator = z.strictObject({
  schemaVersion: SchemaVersion,
  id: Id,
  name: text(120),
  role: z.enum(['multimedia-animator', 'reception-agent', 'france-services-adviser', 'other']),
  siteIds: z.array(Id).min(1, 'rsp.atLeastOne'),
  trainings: z.array(Training).default([]),
});
export type Mediator = z.infer<typeof Mediator>;
export type MediatorInput = z.input<typeof Mediator>;
