/**
 * Base of every RSP Kit event: it bubbles and crosses shadow roots
 * (`composed`), so a host page can listen on any ancestor, and it carries a
 * typed `detail` made of plain data (never a Leaflet or PeerJS object).
 *
 * Each event gets its own class, named after its type, and is declared in
 * `GlobalEventHandlersEventMap` so that `addEventListener` is typed:
 *
 * ```ts
 * export class RspSiteSelectEvent extends RspEvent<{ siteId: string }> {
 *   static readonly type = 'rsp-site-select';
 *   constructor(detail: { siteId: string }) { super(RspSiteSelectEvent.type, detail); }
 * }
 * declare global {
 *   interface GlobalEventHandlersEventMap { 'rsp-site-select': RspSiteSelectEvent }
 * }
 * ```
 *
 * "Before" events (whose default action the page may stop) pass
 * `{ cancelable: true }`.
 */
export class RspEvent<TDetail> extends CustomEvent<TDetail> {
  constructor(type: `rsp-${string}`, detail: TDetail, options: { cancelable?: boolean } = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  }
}
