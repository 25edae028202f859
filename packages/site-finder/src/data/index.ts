/**
 * The site finder's data layer (`@rsp/site-finder/data.js`): loading the sites
 * from the API or a static file, indexing them for fast queries and local
 * suggestions, opening hours in words, and the search state in the page URL.
 * Pure TypeScript: no DOM, no Lit.
 *
 * @module
 */
export { FinderDataError, isFinderDataError } from './errors.js';
export type { FinderDataErrorKind, FinderDataErrorOptions } from './errors.js';
export { agencyMembers, clearMemberCache, loadFinderData, loadSiteDetail, serviceMembers } from './load.js';
export type { FinderSource, MembersOptions } from './load.js';
export { importPointFeatures, readStaticText, sniffFormat } from './static-file.js';
export type { SniffedFormat } from './static-file.js';
export { createFinderIndex } from './finder-index.js';
export type { FinderGeoEntry, FinderIndex, FinderSuggestion } from './finder-index.js';
export { describeHours, hoursOf } from './hours.js';
export type { HoursDay, HoursDescription, HoursRange } from './hours.js';
export { FINDER_URL_PARAMS, readFinderUrl, writeFinderUrl } from './url-state.js';
export type { FinderUrlRead, FinderUrlState } from './url-state.js';
export { FRANCE_SERVICES_PARTNERS, nationalAgencies, nationalAgencyId, servicesOf, toFinderSite } from './sites.js';
export type {
  FinderData,
  FinderFilters,
  FinderOrigin,
  FinderPartner,
  FinderQuery,
  FinderResult,
  FinderSite,
  FinderSourceKind,
} from './types.js';
