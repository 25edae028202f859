import { RspEvent } from '../events.js';

/** Detail of the events of `<rsp-notice>`. */
export interface RspNoticeEventDetail {
  /** The notice's variant when the event fired. */
  readonly variant: NoticeVariant;
}

/** The kinds of notice: they set the icon, the colours, the spoken prefix and the ARIA role. */
export type NoticeVariant = 'info' | 'success' | 'warning' | 'error';

/** The user pressed the notice's action button (for example "Réessayer"). */
export class RspNoticeActionEvent extends RspEvent<RspNoticeEventDetail> {
  static readonly type = 'rsp-notice-action';
  constructor(detail: RspNoticeEventDetail) {
    super(RspNoticeActionEvent.type, detail);
  }
}

/** The user asked to close the notice. Cancel it to keep the notice shown. */
export class RspNoticeDismissEvent extends RspEvent<RspNoticeEventDetail> {
  static readonly type = 'rsp-notice-dismiss';
  constructor(detail: RspNoticeEventDetail) {
    super(RspNoticeDismissEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rsp-notice-action': RspNoticeActionEvent;
    'rsp-notice-dismiss': RspNoticeDismissEvent;
  }
}
