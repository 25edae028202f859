import { RspVideoCounter } from './video-counter.component.js';

export { RspVideoCounter };
export * from '../call/call.events.js';

// Warns and keeps the first definition when a page loads two copies of RSP Kit.
RspVideoCounter.define('rsp-video-counter');

declare global {
  interface HTMLElementTagNameMap {
    'rsp-video-counter': RspVideoCounter;
  }
}
