import { RspEvent } from '@rsp/elements';

/** Detail of `rsp-map-site-select`. */
export interface RspMapSiteSelectDetail {
  /** The id of the site (`FinderSite.id`) whose marker was chosen. */
  readonly siteId: string;
}

/** Detail of `rsp-map-pick`: a point of the map, WGS 84 decimal degrees. */
export interface RspMapPickDetail {
  readonly lat: number;
  readonly lon: number;
}

/** A site's marker was clicked, or activated with Enter or Space. */
export class RspMapSiteSelectEvent extends RspEvent<RspMapSiteSelectDetail> {
  static readonly type = 'rsp-map-site-select';
  constructor(detail: RspMapSiteSelectDetail) {
    super(RspMapSiteSelectEvent.type, detail);
  }
}

/**
 * A point of the map was chosen: a click on the map's background, or Enter on
 * the focused map (its centre). The site finder searches around it.
 */
export class RspMapPickEvent extends RspEvent<RspMapPickDetail> {
  static readonly type = 'rsp-map-pick';
  constructor(detail: RspMapPickDetail) {
    super(RspMapPickEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rsp-map-site-select': RspMapSiteSelectEvent;
    'rsp-map-pick': RspMapPickEvent;
  }
}
