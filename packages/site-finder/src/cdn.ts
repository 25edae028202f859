// The CDN bundle (dist/cdn/rsp-site-finder.min.js): Lit, Leaflet and the
// finder's element and map, minified, registering <rsp-site-finder>,
// <rsp-site-map> and <rsp-notice> when loaded with <script type="module">.
// What only some pages or only loaded data need comes from chunks next to it,
// fetched with import() (docs/size.md): the file readers (`src`), the API
// client (`api-base`), the geocoder, and the data engine (index, hours).
import './site-finder/site-finder.js';
import type * as FinderEngine from './data/engine.js';

export { RspSiteFinder } from './site-finder/site-finder.component.js';
export { RspActionEvent, RspSearchEvent, RspSiteSelectEvent } from './site-finder/site-finder.events.js';
export type { RspActionDetail, RspSearchDetail, RspSiteSelectDetail, SiteFinderAction } from './site-finder/site-finder.events.js';
export { FILTER_NAMES } from './site-finder/site-finder.format.js';
export type { FinderFilterName } from './site-finder/site-finder.format.js';
export { RspSiteMap } from './map/site-map.component.js';
export { RspMapPickEvent, RspMapSiteSelectEvent } from './map/site-map.events.js';
export type { RspMapPickDetail, RspMapSiteSelectDetail } from './map/site-map.events.js';
export { FinderDataError, isFinderDataError, loadFinderData, readFinderUrl, writeFinderUrl } from './data/index.js';
export type * from './data/types.js';
export { version } from './version.js';

/** The data engine (`createFinderIndex`, `describeHours`, `presenceDays`), the chunk the element loads with its data. */
export const loadFinderEngine = (): Promise<typeof FinderEngine> => import('./data/engine.js');
