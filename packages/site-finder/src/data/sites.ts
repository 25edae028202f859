// What a site is for the finder: its partners and services. The national partners
// come from core's France Services charter, whose module holds the charter's zod
// schemas: only the loaders (./static-file.js, ./api.js, imported on demand) use
// this module, so a page gets zod with the data it loads, not before.
import { franceServices2019 } from '@rsp/core/charter.js';
import type { Agency, NationalPartner, Site } from '@rsp/core/schemas.js';
import { hoursOf } from './hours.js';
import { NATIONAL } from './national.js';
import type { FinderPartner, FinderSite } from './types.js';

/**
 * The national partners every France Services must host, as the France Services
 * charter of core says (`franceServices2019`, rule `national-partners`: CNAF, CNAM,
 * CNAV, MSA, France Travail, La Poste, DGFiP, Justice, Intérieur/ANTS).
 */
export const FRANCE_SERVICES_PARTNERS: readonly NationalPartner[] = /* @__PURE__ */ (() => {
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

let labelPartners: readonly FinderPartner[] | undefined;

/** The partners of a labelled site: the national ones (built on first use, see {@link toFinderSite}). */
function nationalPartners(): readonly FinderPartner[] {
  labelPartners ??= nationalAgencies().map((a) => ({
    id: a.id,
    name: a.name,
    sector: a.sector,
    ...(a.nationalPartner ? { nationalPartner: a.nationalPartner } : {}),
  }));
  return labelPartners;
}

/** Agencies by name (French collation), then id. */
export function sortAgencies(agencies: readonly Agency[]): Agency[] {
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return [...agencies].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The `services` of a list of partners: their sectors and national partner codes, each once, sorted. */
export function servicesOf(partners: readonly FinderPartner[]): string[] {
  const set = new Set<string>();
  for (const p of partners) {
    set.add(p.sector);
    if (p.nationalPartner) set.add(p.nationalPartner);
  }
  return [...set].sort();
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
  const list = partners && partners.length > 0 ? partners : site.label?.kind === 'france-services' ? nationalPartners() : [];
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
