import { RspEvent } from '@rsp/elements';
import type { Site } from '@rsp/core/schemas.js';
import type { FinderFilters, FinderOrigin } from '../data/types.js';

/** Detail of `rsp-site-select`: the site chosen in the list or on the map. */
export interface RspSiteSelectDetail {
  readonly siteId: string;
  /** The site's record (plain data of `@rsp/core`). */
  readonly site: Site;
}

/** Detail of `rsp-search`: the search that was just run and how many sites it found. */
export interface RspSearchDetail {
  /** The point searched around, when there is one. */
  readonly origin?: FinderOrigin;
  readonly filters: FinderFilters;
  /** How many sites match (all of them, not only those shown). */
  readonly count: number;
}

/** What the person asked to do from a site's details. */
export type SiteFinderAction = 'book' | 'visio';

/** Detail of `rsp-action`. */
export interface RspActionDetail {
  readonly action: SiteFinderAction;
  readonly siteId: string;
}

/** A site was selected, in the list or on the map. */
export class RspSiteSelectEvent extends RspEvent<RspSiteSelectDetail> {
  static readonly type = 'rsp-site-select';
  constructor(detail: RspSiteSelectDetail) {
    super(RspSiteSelectEvent.type, detail);
  }
}

/** A search ran (new origin, filter or radius) and its results are shown. */
export class RspSearchEvent extends RspEvent<RspSearchDetail> {
  static readonly type = 'rsp-search';
  constructor(detail: RspSearchDetail) {
    super(RspSearchEvent.type, detail);
  }
}

/**
 * The person pressed "Prendre rendez-vous" (`book`) or "Appel en visio"
 * (`visio`) on a site: the host page or another widget takes it from there;
 * the finder does not navigate by itself.
 */
export class RspActionEvent extends RspEvent<RspActionDetail> {
  static readonly type = 'rsp-action';
  constructor(detail: RspActionDetail) {
    super(RspActionEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rsp-site-select': RspSiteSelectEvent;
    'rsp-search': RspSearchEvent;
    'rsp-action': RspActionEvent;
  }
}
