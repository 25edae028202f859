import '../zod-config.js';
import * as z from 'zod/mini';
import { Contact, Id, IsoDate, OpeningHoursText, SchemaVersion } from './common.js';

/**
 * The convention between a site and a partner agency: signed on a date, with
 * the agency's referents for the mediators and, when the agency comes to the
 * site, its presence hours ("CAF on Tuesday mornings": `Tu 09:00-12:00`).
 */
export const Convention = z.strictObject({
  schemaVersion: SchemaVersion,
  id: Id,
  siteId: Id,
  agencyId: Id,
  signedOn: z.optional(IsoDate),
  referents: z._default(z.array(Contact).check(z.maxLength(20, 'rsp.tooMany')), []),
  /** When the agency's own staff is present at the site, OSM syntax. */
  presenceHours: z.optional(OpeningHoursText),
  /** Whether the agency answers visio-guichet calls from this site. */
  visio: z.optional(z.boolean()),
});
export type Convention = z.infer<typeof Convention>;
export type ConventionInput = z.input<typeof Convention>;
