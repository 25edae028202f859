import { franceServices2019 } from '@rsp/core/charter.js';
import { safeParseOpeningHours } from '@rsp/core/hours.js';
import type { OpeningHours } from '@rsp/core/hours.js';
import type { Agency, AgencySector, NationalPartner, Site } from '@rsp/core/schemas.js';
import type { FinderPartner, FinderSite } from './types.js';

/** What people call each national partner network, and its charter sector. */
const NATIONAL: Readonly<Record<NationalPartner, { readonly name: string; readonly fullName: string; readonly sector: AgencySector }>> = {
  cnaf: { name: 'CAF', fullName: 'Caisse nationale des allocations familiales', sector: 'social' },
  cnam: { name: 'Assurance Maladie', fullName: 'Caisse nationale de l’Assurance Maladie', sector: 'social' },
  cnav: { name: 'Assurance retraite', fullName: 'Caisse nationale d’assurance vieillesse', sector: 'social' },
  msa: { name: 'MSA', fullName: 'Mutualité sociale agricole', sector: 'social' },
  'france-travail': { name: 'France Travail', fullName: 'France Travail', sector: 'employment-training' },
  'la-poste': { name: 'La Poste', fullName: 'La Poste', sector: 'other' },
  dgfip: { name: 'Finances publiques', fullName: 'Direction générale des Finances publiques', sector: 'other' },
  justice: { name: 'Justice', fullName: 'Ministère de la Justice', sector: 'other' },
  'interieur-ants': { name: 'ANTS', fullName: 'Ministère de l’Intérieur, Agence nationale des titres sécurisés', sector: 'other' },
  'energie-info': { name: 'Énergie Info', fullName: 'Énergie Info (Médiateur national de l’énergie)', sector: 'other' },
  'agirc-arrco': { name: 'Agirc-Arrco', fullName: 'Agirc-Arrco', sector: 'other' },
  urssaf: { name: 'Urssaf', fullName: 'Urssaf', sector: 'other' },
};

/**
 * The national partners every France Services must host, as the France Services
 * charter of core says (`franceServices2019`, rule `national-partners`: CNAF, CNAM,
 * CNAV, MSA, France Travail, La Poste, DGFiP, Justice, Intérieur/ANTS).
 */
export const FRANCE_SERVICES_PARTNERS: readonly NationalPartner[] = (() => {
  for (const rule of franceServices2019.rules) if (rule.check === 'national-partners') return rule.partners;
  return [];
})();

/** The id given to a national partner network in static data (`national-cnaf`). */
export function nationalAgencyId(code: NationalPartner): string {
  return `national-${code}`;
}

/**
 * The national partner networks as agencies, for the agency filter of static data
 * (a file names no agency; the France Services label implies these).
 */
export function nationalAgencies(codes: readonly NationalPartner[] = FRANCE_SERVICES_PARTNERS): Agency[] {
  return codes.map((code) => ({
    schemaVersion: 1,
    id: nationalAgencyId(code),
    name: NATIONAL[code].name,
    fullName: NATIONAL[code].fullName,
    sector: NATIONAL[code].sector,
    nationalPartner: code,
  }));
}

const NATIONAL_PARTNERS: readonly FinderPartner[] = nationalAgencies().map((a) => ({
  id: a.id,
  name: a.name,
  sector: a.sector,
  ...(a.nationalPartner ? { nationalPartner: a.nationalPartner } : {}),
}));

/** The `services` of a list of partners: their sectors and national partner codes, each once, sorted. */
export function servicesOf(partners: readonly FinderPartner[]): string[] {
  const set = new Set<string>();
  for (const p of partners) {
    set.add(p.sector);
    if (p.nationalPartner) set.add(p.nationalPartner);
  }
  return [...set].sort();
}

const parsedHours = new WeakMap<Site, OpeningHours | null>();

/**
 * The parsed `openingHours` of a site, parsed once per site object and kept
 * (`undefined` when the hours are absent or unreadable, which both mean "unknown").
 */
export function hoursOf(site: Site): OpeningHours | undefined {
  let parsed = parsedHours.get(site);
  if (parsed === undefined) {
    const text = site.openingHours;
    const result = text === undefined ? undefined : safeParseOpeningHours(text);
    parsed = result?.success ? result.value : null;
    parsedHours.set(site, parsed);
  }
  return parsed ?? undefined;
}

/**
 * Builds what the finder reads of a site.
 *
 * - **Partners**: the ones given (API conventions). Without any, a site holding the
 *   France Services label (`label.kind === 'france-services'`) gets the national
 *   partners of the France Services charter ({@link FRANCE_SERVICES_PARTNERS}): the
 *   charter obliges every labelled site to offer their services, so a user looking
 *   for "CAF" or "social" finds it. Other sites of a static file get none (the files
 *   name no partner).
 * - **Services**: the sectors and national partner codes of those partners, the
 *   vocabulary of the API's `service` filter.
 * - **Visio**: `equipment.visioStation` when the source says; otherwise a partner
 *   answering visio calls from the site.
 * - **Appointments**: `appointments: true`, or opening hours with a period marked
 *   by appointment (a comment such as `"sur rendez-vous"`).
 */
export function toFinderSite(site: Site, partners?: readonly FinderPartner[]): FinderSite {
  const list = partners && partners.length > 0 ? partners : site.label?.kind === 'france-services' ? NATIONAL_PARTNERS : [];
  const hours = hoursOf(site);
  return {
    id: site.id,
    site,
    partners: list,
    visio: site.equipment.visioStation ?? list.some((p) => p.visio === true),
    appointments: site.appointments === true || (hours?.rules.some((r) => r.appointmentOnly) ?? false),
    services: servicesOf(list),
  };
}
