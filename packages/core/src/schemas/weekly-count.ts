import '../zod-config.js';
import * as z from 'zod/mini';
import { Id, IsoWeek, SchemaVersion } from './common.js';

/** The kinds of service counted in the weekly grid (grille de comptage hebdomadaire). */
export const ServiceKind = z.enum(['information', 'forms', 'online-help', 'visio', 'self-service']);
export type ServiceKind = z.infer<typeof ServiceKind>;

const count = z.number().check(z.int('rsp.integer'), z.gte(0, 'rsp.nonNegative'), z.lte(100000, 'rsp.tooBig'));

/**
 * One site's count for one ISO week: how many people were helped, by kind of
 * service and by partner agency (a person may use several services).
 */
export const WeeklyCount = z.strictObject({
  schemaVersion: SchemaVersion,
  siteId: Id,
  week: IsoWeek,
  /** People welcomed this week, when counted. */
  people: z.optional(count),
  byService: z._default(z.partialRecord(ServiceKind, count), {}),
  /** By agency id. */
  byAgency: z._default(z.record(Id, count), {}),
});
export type WeeklyCount = z.infer<typeof WeeklyCount>;
export type WeeklyCountInput = z.input<typeof WeeklyCount>;
