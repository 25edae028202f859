// @rsp/site-finder: classes, events and types. Importing this module registers
// nothing; import '@rsp/site-finder/site-finder.js' (or the CDN bundle) for that.
export { RspSiteFinder } from './site-finder/site-finder.component.js';
export { RspActionEvent, RspSearchEvent, RspSiteSelectEvent } from './site-finder/site-finder.events.js';
export type { RspActionDetail, RspSearchDetail, RspSiteSelectDetail, SiteFinderAction } from './site-finder/site-finder.events.js';
export { FILTER_NAMES } from './site-finder/site-finder.format.js';
export type { FinderFilterName } from './site-finder/site-finder.format.js';
export { RspSiteMap } from './map/site-map.component.js';
export { RspMapPickEvent, RspMapSiteSelectEvent } from './map/site-map.events.js';
export type { RspMapPickDetail, RspMapSiteSelectDetail } from './map/site-map.events.js';
export { FinderDataError, createFinderIndex, describeHours, isFinderDataError, loadFinderData, readFinderUrl, writeFinderUrl } from './data/index.js';
export type {
  FinderData,
  FinderFilters,
  FinderIndex,
  FinderOrigin,
  FinderPartner,
  FinderQuery,
  FinderResult,
  FinderSite,
  FinderSource,
  FinderSourceKind,
  FinderSuggestion,
  FinderUrlState,
  HoursDescription,
} from './data/index.js';
export { version } from './version.js';
