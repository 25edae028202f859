import { RspEvent } from '@rsp/elements';

/** Which element fired an event: the citizen's (`counter`) or the agent's (`desk`). */
export type CallSide = 'counter' | 'desk';

/** Detail of `rsp-queue-join`: the citizen got a ticket. */
export interface RspQueueJoinDetail {
  readonly ticketId: string;
  readonly agencyId: string;
  readonly siteId: string;
  readonly position: number;
  readonly estimatedWaitMinutes: number;
}
/** Detail of `rsp-queue-leave`: the citizen left the queue (gave up, the ticket expired, or the wipe). */
export interface RspQueueLeaveDetail {
  readonly ticketId: string;
  readonly reason: 'left' | 'expired' | 'cancelled' | 'wipe';
}
/** Detail of `rsp-call-admit` (desk): the agent took a caller. */
export interface RspCallAdmitDetail {
  readonly ticketId: string;
  readonly sessionId: string;
  readonly siteId: string;
}
/** Detail of `rsp-call-start`: both sides see and hear each other. */
export interface RspCallStartDetail {
  readonly side: CallSide;
  readonly ticketId: string;
  /** The session record's id (desk side; the citizen does not know it). */
  readonly sessionId: string | undefined;
}
/** Detail of `rsp-call-reconnect`: the call dropped and is being restored (attempt 1, 2…). */
export interface RspCallReconnectDetail {
  readonly side: CallSide;
  readonly attempt: number;
}
/** Detail of `rsp-call-quality`: a side switched to audio only on a poor link, or back. */
export interface RspCallQualityDetail {
  readonly side: CallSide;
  /** Whose link: this side's own decision, or what the other side said. */
  readonly origin: 'local' | 'remote';
  readonly audioOnly: boolean;
}
/** Detail of `rsp-call-end`. */
export interface RspCallEndDetail {
  readonly side: CallSide;
  readonly ticketId: string;
  readonly sessionId: string | undefined;
  /** `hangup` this side, `remote` the other side, `lost` could not be restored, `refused` the server refused the id. */
  readonly reason: 'hangup' | 'remote' | 'lost' | 'refused';
  readonly durationSeconds: number;
  /** Desk side: the outcome recorded. */
  readonly outcome?: string;
}
/** Detail of `rsp-chat-message`. */
export interface RspChatMessageDetail {
  readonly from: 'self' | 'remote';
  readonly text: string;
}
/** Detail of `rsp-document-progress`: bytes of a document sent or received so far. */
export interface RspDocumentProgressDetail {
  readonly id: string;
  readonly direction: 'send' | 'receive';
  readonly name: string;
  readonly bytes: number;
  readonly total: number;
}
/** Detail of `rsp-document-send`: a document was delivered and the other side checked it. */
export interface RspDocumentSendDetail {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
  /** The receiver's verdict on the checksum. */
  readonly checksumOk: boolean;
}
/** Detail of `rsp-document-receive`: a document arrived, with its checksum verified. */
export interface RspDocumentReceiveDetail {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
  readonly checksumOk: boolean;
}
/** Detail of `rsp-link-receive`: a link the other side sent (opened only when the person chooses to). */
export interface RspLinkReceiveDetail {
  readonly url: string;
  readonly label: string;
}
/** Detail of `rsp-device-error`: the camera or microphone could not be opened. */
export interface RspDeviceErrorDetail {
  /** The `DOMException` name (`NotAllowedError`, `NotFoundError`, `NotReadableError`, `OverconstrainedError`…). */
  readonly name: string;
  readonly problem: string;
}
/** Detail of `rsp-session-wipe` (kiosk): everything of the session was removed from the page. */
export interface RspSessionWipeDetail {
  readonly reason: 'hangup' | 'inactivity' | 'end';
}

export class RspQueueJoinEvent extends RspEvent<RspQueueJoinDetail> {
  static readonly type = 'rsp-queue-join';
  constructor(detail: RspQueueJoinDetail) {
    super(RspQueueJoinEvent.type, detail);
  }
}
export class RspQueueLeaveEvent extends RspEvent<RspQueueLeaveDetail> {
  static readonly type = 'rsp-queue-leave';
  constructor(detail: RspQueueLeaveDetail) {
    super(RspQueueLeaveEvent.type, detail);
  }
}
export class RspCallAdmitEvent extends RspEvent<RspCallAdmitDetail> {
  static readonly type = 'rsp-call-admit';
  constructor(detail: RspCallAdmitDetail) {
    super(RspCallAdmitEvent.type, detail);
  }
}
export class RspCallStartEvent extends RspEvent<RspCallStartDetail> {
  static readonly type = 'rsp-call-start';
  constructor(detail: RspCallStartDetail) {
    super(RspCallStartEvent.type, detail);
  }
}
export class RspCallReconnectEvent extends RspEvent<RspCallReconnectDetail> {
  static readonly type = 'rsp-call-reconnect';
  constructor(detail: RspCallReconnectDetail) {
    super(RspCallReconnectEvent.type, detail);
  }
}
export class RspCallQualityEvent extends RspEvent<RspCallQualityDetail> {
  static readonly type = 'rsp-call-quality';
  constructor(detail: RspCallQualityDetail) {
    super(RspCallQualityEvent.type, detail);
  }
}
export class RspCallEndEvent extends RspEvent<RspCallEndDetail> {
  static readonly type = 'rsp-call-end';
  constructor(detail: RspCallEndDetail) {
    super(RspCallEndEvent.type, detail);
  }
}
export class RspChatMessageEvent extends RspEvent<RspChatMessageDetail> {
  static readonly type = 'rsp-chat-message';
  constructor(detail: RspChatMessageDetail) {
    super(RspChatMessageEvent.type, detail);
  }
}
export class RspDocumentProgressEvent extends RspEvent<RspDocumentProgressDetail> {
  static readonly type = 'rsp-document-progress';
  constructor(detail: RspDocumentProgressDetail) {
    super(RspDocumentProgressEvent.type, detail);
  }
}
export class RspDocumentSendEvent extends RspEvent<RspDocumentSendDetail> {
  static readonly type = 'rsp-document-send';
  constructor(detail: RspDocumentSendDetail) {
    super(RspDocumentSendEvent.type, detail);
  }
}
export class RspDocumentReceiveEvent extends RspEvent<RspDocumentReceiveDetail> {
  static readonly type = 'rsp-document-receive';
  constructor(detail: RspDocumentReceiveDetail) {
    super(RspDocumentReceiveEvent.type, detail);
  }
}
export class RspLinkReceiveEvent extends RspEvent<RspLinkReceiveDetail> {
  static readonly type = 'rsp-link-receive';
  constructor(detail: RspLinkReceiveDetail) {
    super(RspLinkReceiveEvent.type, detail);
  }
}
export class RspDeviceErrorEvent extends RspEvent<RspDeviceErrorDetail> {
  static readonly type = 'rsp-device-error';
  constructor(detail: RspDeviceErrorDetail) {
    super(RspDeviceErrorEvent.type, detail);
  }
}
export class RspSessionWipeEvent extends RspEvent<RspSessionWipeDetail> {
  static readonly type = 'rsp-session-wipe';
  constructor(detail: RspSessionWipeDetail) {
    super(RspSessionWipeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rsp-queue-join': RspQueueJoinEvent;
    'rsp-queue-leave': RspQueueLeaveEvent;
    'rsp-call-admit': RspCallAdmitEvent;
    'rsp-call-start': RspCallStartEvent;
    'rsp-call-reconnect': RspCallReconnectEvent;
    'rsp-call-quality': RspCallQualityEvent;
    'rsp-call-end': RspCallEndEvent;
    'rsp-chat-message': RspChatMessageEvent;
    'rsp-document-progress': RspDocumentProgressEvent;
    'rsp-document-send': RspDocumentSendEvent;
    'rsp-document-receive': RspDocumentReceiveEvent;
    'rsp-link-receive': RspLinkReceiveEvent;
    'rsp-device-error': RspDeviceErrorEvent;
    'rsp-session-wipe': RspSessionWipeEvent;
  }
}
