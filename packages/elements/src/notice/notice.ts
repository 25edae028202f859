import { RspNotice } from './notice.component.js';

export { RspNotice };
export { RspNoticeActionEvent, RspNoticeDismissEvent } from './notice.events.js';
export type { NoticeVariant, RspNoticeEventDetail } from './notice.events.js';

RspNotice.define('rsp-notice');

declare global {
  interface HTMLElementTagNameMap {
    'rsp-notice': RspNotice;
  }
}
