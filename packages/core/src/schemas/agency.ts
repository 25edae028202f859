import '../zod-config.js';
import * as z from 'zod/mini';
import { Id, Phone, SchemaVersion, WebUrl, text } from './common.js';

/**
 * The sector of a partner agency, as the RSP charter counts them: a site needs
 * at least one partner of the social sector and one of employment-training.
 */
export const AgencySector = z.enum(['social', 'employment-training', 'other']);
export type AgencySector = z.infer<typeof AgencySector>;

/**
 * The national partners of the France Services charter (9 in 2019, 11 in
 * 2024, Urssaf added in 2025), by a stable code.
 */
export const NationalPartner = z.enum([
  'cnaf',
  'cnam',
  'cnav',
  'msa',
  'france-travail',
  'la-poste',
  'dgfip',
  'justice',
  'interieur-ants',
  'energie-info',
  'agirc-arrco',
  'urssaf',
]);
export type NationalPartner = z.infer<typeof NationalPartner>;

/** A partner agency (organisme): CAF, CPAM, CARSAT, MSA, Mission Locale, France Travail… */
export const Agency = z.strictObject({
  schemaVersion: SchemaVersion,
  id: Id,
  /** Short name as people say it: `CAF`. */
  name: text(80),
  /** Full name: `Caisse d'allocations familiales du Lot`. */
  fullName: z.optional(text(200)),
  sector: AgencySector,
  /** The national network it belongs to, when it counts as a France Services national partner. */
  nationalPartner: z.optional(NationalPartner),
  website: z.optional(WebUrl),
  phone: z.optional(Phone),
});
export type Agency = z.infer<typeof Agency>;
export type AgencyInput = z.input<typeof Agency>;
