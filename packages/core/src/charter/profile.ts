import '../zod-config.js';
import * as z from 'zod/mini';
import { AgencySector, NationalPartner } from '../schemas/agency.js';
import { Id, LocalizedText } from '../schemas/common.js';

/**
 * The checks the charter engine knows. A profile is data: a list of rules,
 * each naming one of these checks with its parameters, so a new charter (or a
 * department's own variant) is a new profile, not new code.
 */
export const CharterRule = z.discriminatedUnion('check', [
  /** Opening hours to the public per week, in a typical week (median of the reference weeks). */
  z.strictObject({ id: Id, check: z.literal('weekly-hours'), minHours: z.number().check(z.positive('rsp.positive')) }),
  /** Days open per week, in a typical week. */
  z.strictObject({ id: Id, check: z.literal('open-days'), minDays: z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive'), z.lte(7, 'rsp.tooBig')) }),
  /** At least one partner under convention in each of these sectors. */
  z.strictObject({ id: Id, check: z.literal('partner-sectors'), sectors: z.array(AgencySector).check(z.minLength(1, 'rsp.atLeastOne')) }),
  /** At least `min` of a counted piece of equipment. */
  z.strictObject({
    id: Id,
    check: z.literal('equipment-count'),
    equipment: z.enum(['broadbandComputers']),
    min: z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive')),
  }),
  /** A yes/no feature of the site that must be yes. */
  z.strictObject({ id: Id, check: z.literal('site-feature'), feature: z.enum(['confidentialSpace', 'equipment.scanner', 'equipment.printer', 'equipment.visioStation']) }),
  /** At least `min` trained advisers. */
  z.strictObject({ id: Id, check: z.literal('advisers'), min: z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive')) }),
  /** Conventions with each of these national partners. */
  z.strictObject({ id: Id, check: z.literal('national-partners'), partners: z.array(NationalPartner).check(z.minLength(1, 'rsp.atLeastOne')) }),
]);
export type CharterRule = z.infer<typeof CharterRule>;

/** A versioned charter: the rules a labelled site must meet. */
export const CharterProfile = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    /** The text the rules come from. */
    reference: z.string().check(z.trim(), z.minLength(1, 'rsp.required'), z.maxLength(300, 'rsp.tooLong')),
    rules: z.array(CharterRule).check(z.minLength(1, 'rsp.atLeastOne')),
  })
  .check(
    z.superRefine((profile, ctx) => {
      const seen = new Set<string>();
      profile.rules.forEach((rule, index) => {
        if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: 'rsp.duplicateId', path: ['rules', index, 'id'] });
        seen.add(rule.id);
      });
    }),
  );
export type CharterProfile = z.infer<typeof CharterProfile>;
export type CharterProfileInput = z.input<typeof CharterProfile>;

/**
 * The Relais Services Publics label, circular of August 2006, as the Lot and
 * Ardèche networks applied it: 24 h a week over 3 days, a social and an
 * employment-training partner, a broadband computer, a confidential space.
 * (The visio-guichet is optional, so it is no rule.)
 */
export const rsp2006: CharterProfile = {
  id: 'rsp-2006',
  title: { fr: 'Relais Services Publics (2006)', en: 'Relais Services Publics (2006)' },
  reference: 'Circulaire du 2 août 2006 relative à la labellisation des Relais Services Publics',
  rules: [
    { id: 'weekly-hours', check: 'weekly-hours', minHours: 24 },
    { id: 'open-days', check: 'open-days', minDays: 3 },
    { id: 'partner-sectors', check: 'partner-sectors', sectors: ['social', 'employment-training'] },
    { id: 'broadband-computer', check: 'equipment-count', equipment: 'broadbandComputers', min: 1 },
    { id: 'confidential-space', check: 'site-feature', feature: 'confidentialSpace' },
  ],
};

/**
 * The France Services charter (2019): 24 h a week over 5 days, at least 2
 * trained advisers, and the 9 national partners of the start (CNAF, CNAM,
 * CNAV, MSA, Pôle emploi, La Poste, DGFiP, Justice, Intérieur/ANTS).
 */
export const franceServices2019: CharterProfile = {
  id: 'france-services-2019',
  title: { fr: 'France Services (2019)', en: 'France Services (2019)' },
  reference: 'Charte nationale d’engagement France Services, 2019',
  rules: [
    { id: 'weekly-hours', check: 'weekly-hours', minHours: 24 },
    { id: 'open-days', check: 'open-days', minDays: 5 },
    { id: 'advisers', check: 'advisers', min: 2 },
    {
      id: 'national-partners',
      check: 'national-partners',
      partners: ['cnaf', 'cnam', 'cnav', 'msa', 'france-travail', 'la-poste', 'dgfip', 'justice', 'interieur-ants'],
    },
  ],
};

/** The profiles RSP Kit ships, by id. */
export const charterProfiles: Readonly<Record<string, CharterProfile>> = {
  [rsp2006.id]: rsp2006,
  [franceServices2019.id]: franceServices2019,
};
