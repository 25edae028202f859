// The finder shows its messages in <rsp-notice>: registering the finder registers it.
import '@rsp/elements/notice.js';
import { RspSiteMap } from '../map/site-map.component.js';
import { RspSiteFinder } from './site-finder.component.js';

export { RspSiteFinder, RspSiteMap };
export { RspActionEvent, RspSearchEvent, RspSiteSelectEvent } from './site-finder.events.js';
export type { RspActionDetail, RspSearchDetail, RspSiteSelectDetail, SiteFinderAction } from './site-finder.events.js';

// The map is the finder's own sub-element; both warn and keep the first
// definition when a page loads two copies of RSP Kit.
RspSiteMap.define('rsp-site-map');
RspSiteFinder.define('rsp-site-finder');

declare global {
  interface HTMLElementTagNameMap {
    'rsp-site-finder': RspSiteFinder;
    'rsp-site-map': RspSiteMap;
  }
}
