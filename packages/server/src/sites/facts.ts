import { isOpenAt, nextChange, safeParseOpeningHours } from '@rsp/core/hours.js';
import type { OpeningHours } from '@rsp/core/hours.js';
import type { AgencySector, NationalPartner, Site } from '@rsp/core/schemas.js';
import type { CatalogSnapshot } from '../catalog.js';

/**
 * The values of the `service` filter of `GET /api/sites`. The data model has
 * no "service" field on a site: what a site offers is what its partners
 * under convention offer. So a service is either a sector of the charter
 * (`social`, `employment-training`, `other`: a site with a convention with an
 * agency of that sector) or a France Services national partner (`cnaf`,
 * `msa`, `france-travail`…: a site with a convention with an agency of that
 * national network).
 */
export type ServiceFilter = AgencySector | NationalPartner;

/** What the site filters need of one site, computed once per catalog snapshot. */
export interface SiteFacts {
  /** Agencies the site has a convention with. */
  readonly agencyIds: ReadonlySet<string>;
  /** Sectors and national partners of those agencies (see {@link ServiceFilter}). */
  readonly services: ReadonlySet<string>;
  /**
   * Whether the site has a visio-guichet station: `equipment.visioStation`
   * when the source says (true or false); when it does not say, a convention
   * with `visio: true` (an agency answers video calls from this site, so the
   * site has what it takes).
   */
  readonly visio: boolean;
  /** The parsed opening hours; `undefined` when unknown or unreadable. */
  readonly hours: OpeningHours | undefined;
}

/** Open or closed, and the instants (ms) between which that holds. */
interface OpenState {
  readonly open: boolean;
  readonly from: number;
  readonly until: number;
}

/** The derived views of one snapshot. */
export interface NetworkFacts {
  /** Facts of a site of the snapshot (computed on first use). */
  of(site: Site): SiteFacts;
  /**
   * Whether a site is open at an instant (Europe/Paris, public holidays
   * closed as their hours say); `undefined` when its hours are unknown. The
   * answer is kept until the site's next change, so a list filtered on "open
   * now" does not evaluate 2,845 calendars per request.
   */
  openAt(site: Site, at: Date): boolean | undefined;
}

const cache = new WeakMap<CatalogSnapshot, NetworkFacts>();

function buildFacts(snapshot: CatalogSnapshot): NetworkFacts {
  const facts = new WeakMap<Site, SiteFacts>();
  const states = new WeakMap<Site, OpenState>();
  const of = (site: Site): SiteFacts => {
    let known = facts.get(site);
    if (known) return known;
    const conventions = snapshot.conventionsBySite.get(site.id) ?? [];
    const agencyIds = new Set(conventions.map((c) => c.agencyId));
    const services = new Set<string>();
    for (const id of agencyIds) {
      const agency = snapshot.agencyById.get(id);
      if (!agency) continue;
      services.add(agency.sector);
      if (agency.nationalPartner) services.add(agency.nationalPartner);
    }
    const station = site.equipment.visioStation;
    const visio = station ?? conventions.some((c) => c.visio === true);
    let hours: OpeningHours | undefined;
    if (site.openingHours !== undefined) {
      const parsed = safeParseOpeningHours(site.openingHours);
      if (parsed.success) hours = parsed.value;
    }
    known = { agencyIds, services, visio, hours };
    facts.set(site, known);
    return known;
  };
  const openAt = (site: Site, at: Date): boolean | undefined => {
    const hours = of(site).hours;
    if (!hours) return undefined;
    const t = at.getTime();
    const state = states.get(site);
    if (state && state.from <= t && t < state.until) return state.open;
    const open = isOpenAt(hours, at);
    const next = nextChange(hours, at);
    states.set(site, { open, from: t, until: next ? next.getTime() : Number.POSITIVE_INFINITY });
    return open;
  };
  return { of, openAt };
}

/** The derived views of a snapshot, built once and kept as long as the snapshot lives. */
export function networkFacts(snapshot: CatalogSnapshot): NetworkFacts {
  let facts = cache.get(snapshot);
  if (!facts) {
    facts = buildFacts(snapshot);
    cache.set(snapshot, facts);
  }
  return facts;
}
