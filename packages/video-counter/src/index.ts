// @rsp/video-counter: classes, events and types. Importing this module registers
// nothing; import '@rsp/video-counter/video-counter.js' or '…/video-desk.js' (or the CDN bundle) for that.
export { RspVideoCounter } from './video-counter/video-counter.component.js';
export { RspVideoDesk } from './video-desk/video-desk.component.js';
export {
  RspCallAdmitEvent,
  RspCallEndEvent,
  RspCallQualityEvent,
  RspCallReconnectEvent,
  RspCallStartEvent,
  RspChatMessageEvent,
  RspDeviceErrorEvent,
  RspDocumentProgressEvent,
  RspDocumentReceiveEvent,
  RspDocumentSendEvent,
  RspLinkReceiveEvent,
  RspQueueJoinEvent,
  RspQueueLeaveEvent,
  RspSessionWipeEvent,
} from './call/call.events.js';
export type {
  CallSide,
  RspCallAdmitDetail,
  RspCallEndDetail,
  RspCallQualityDetail,
  RspCallReconnectDetail,
  RspCallStartDetail,
  RspChatMessageDetail,
  RspDeviceErrorDetail,
  RspDocumentProgressDetail,
  RspDocumentReceiveDetail,
  RspDocumentSendDetail,
  RspLinkReceiveDetail,
  RspQueueJoinDetail,
  RspQueueLeaveDetail,
  RspSessionWipeDetail,
} from './call/call.events.js';
export { LinkQuality, judgeSample, QUALITY_INTERVAL_MS } from './call/quality.js';
export type { SampleVerdict, StatsSample } from './call/quality.js';
export { checkFile, sha256Hex, CHUNK_BYTES, DEFAULT_MAX_BYTES, DEFAULT_TYPES } from './call/transfer.js';
export type { FileLimits, FileProblem } from './call/transfer.js';
export { parseWire, safeLink } from './call/wire.js';
export type { WireMessage } from './call/wire.js';
export { deviceProblemOf } from './call/media.js';
export type { DeviceProblem } from './call/media.js';
export { version } from './version.js';
