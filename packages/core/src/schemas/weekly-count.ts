import '../zod-config.js';
import { z } from 'zod';
import { Id, IsoWeek, SchemaVersion } from './common.js';

/** The kinds of service counted in the weekly grid (grille de comptage hebdomadaire). */
export const ServiceKind = z.enum(['information', 'forms', 'online-help', 'visio', 'self-service']);
export type ServiceKind = z.infer<typeof ServiceKind>;

const count = z.number().int('rsp.integer').min(0, 'rsp.nonNegative').max(100000, 'rsp.tooBig');

/**
 * One site's count for one ISO week: how many people were helped, by kind of
 * service and by partner agency (a person may use several services).
 */
export const WeeklyCount = z.strictObject({
  schemaVersion: SchemaVersion,
  siteId: Id,
  week: IsoWeek,
  /** People welcomed this week, when counted. */
  people: count.optional(),
  byService: z.partialRecord(ServiceKind, count).default({}),
  /** By agency id. */
  byAgency: z.record(Id, count).default({}),
});
export type WeeklyCount = z.infer<typeof WeeklyCount>;
export type WeeklyCountInput = z.input<typeof WeeklyCount>;
