import type { ImportIssue } from '@rsp/core/import.js';
import type { Agency, AgencySector, NationalPartner, Site, VenueKind } from '@rsp/core/schemas.js';

/**
 * The site finder's data model: what the list, the map, the filters and the
 * detail panel read. Built once when data arrives (`FinderData`), then
 * queried many times (`applyQuery`) without touching the DOM.
 */

/** A partner agency present at a site, with when it is there. */
export interface FinderPartner {
  readonly id: string;
  /** Short name as people say it (`CAF`). */
  readonly name: string;
  readonly sector: AgencySector;
  readonly nationalPartner?: NationalPartner;
  /** When the agency's own staff is at the site (OSM opening_hours), when known. */
  readonly presenceHours?: string;
  /** Whether the agency answers visio-guichet calls from this site. */
  readonly visio?: boolean;
}

/** A site as the finder shows it: the record and what filters and views need, computed once. */
export interface FinderSite {
  readonly id: string;
  readonly site: Site;
  /** Partners present at the site, when the source says (API conventions, France Services label). */
  readonly partners: readonly FinderPartner[];
  /** A visio-guichet is available (equipment, or a partner answering visio calls). */
  readonly visio: boolean;
  /** Appointments can be booked at this site. */
  readonly appointments: boolean;
  /**
   * What the site offers, in the vocabulary of the API's `service` filter:
   * agency sectors (`social`, `employment-training`, `other`) and national
   * partner codes (`cnaf`, `msa`, `france-travail`…).
   */
  readonly services: readonly string[];
}

/** Where the data came from. */
export type FinderSourceKind = 'api' | 'geojson' | 'france-services-csv' | 'mediation-numerique';

/** The loaded data: sites, the partner agencies they name, and what the import had to say. */
export interface FinderData {
  readonly source: FinderSourceKind;
  readonly sites: readonly FinderSite[];
  /** Partner agencies known to the data (for the agency filter), by name. */
  readonly agencies: readonly Agency[];
  /** Rows or features that could not be read, or were read with a warning (static files). */
  readonly issues: readonly ImportIssue[];
}

/** The filters a user can set. Absent: not filtered. */
export interface FinderFilters {
  /** An agency id: sites where it is a partner. */
  readonly agency?: string;
  /** A sector or national partner code (see `FinderSite.services`). */
  readonly service?: string;
  readonly venueKind?: VenueKind;
  /** Only sites open now (unknown hours are left out). */
  readonly openNow?: boolean;
  /** Only sites with a visio-guichet. */
  readonly visio?: boolean;
  /** Only sites offering appointments. */
  readonly appointments?: boolean;
  /** With an origin: at most this far, in kilometres. */
  readonly radiusKm?: number;
}

/** The point the search is around: a place typed, the user's position, a map click, or a site. */
export interface FinderOrigin {
  readonly lat: number;
  readonly lon: number;
  /** What to say ("Gramat", "votre position", "le point choisi sur la carte"). */
  readonly label: string;
  readonly kind: 'place' | 'geolocation' | 'map' | 'site';
}

/** A search: around an origin (nearest first) or not (by name), with filters. */
export interface FinderQuery {
  readonly origin?: FinderOrigin;
  readonly filters: FinderFilters;
}

/** One result, in display order. */
export interface FinderResult {
  readonly site: FinderSite;
  /** Great-circle distance from the origin, when there is one. */
  readonly distanceKm?: number;
  /** Open at the query's instant; `null` when the hours are unknown. */
  readonly openNow: boolean | null;
}
