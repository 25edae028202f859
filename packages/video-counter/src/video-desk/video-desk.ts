import { RspVideoDesk } from './video-desk.component.js';

export { RspVideoDesk };
export * from '../call/call.events.js';

// Warns and keeps the first definition when a page loads two copies of RSP Kit.
RspVideoDesk.define('rsp-video-desk');

declare global {
  interface HTMLElementTagNameMap {
    'rsp-video-desk': RspVideoDesk;
  }
}
