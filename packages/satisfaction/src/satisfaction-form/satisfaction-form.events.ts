import { RspEvent } from '@rsp/elements';
import type { SurveyResponse } from '@rsp/core/schemas.js';

/** Detail of `rsp-survey-submit`: the anonymous response as it will be sent, and the key of every attempt. */
export interface RspSurveySubmitDetail {
  readonly response: SurveyResponse;
  readonly idempotencyKey: string;
}

/** Detail of `rsp-survey-queued`: an attempt failed for a reason that may pass; the answer waits on this device. */
export interface RspSurveyQueuedDetail {
  readonly surveyId: string;
  readonly idempotencyKey: string;
  /** Attempts made so far. */
  readonly attempts: number;
  /** When the next attempt is due (ISO 8601); earlier when the browser comes back online. */
  readonly nextAttemptAt: string;
  /** `network`: no answer; `timeout`: too late; `server`: a 5xx, 408, 429 or a request still in progress. */
  readonly reason: 'network' | 'timeout' | 'server';
}

/** Detail of `rsp-survey-sent`: the server recorded the answer (once). */
export interface RspSurveySentDetail {
  readonly surveyId: string;
  readonly idempotencyKey: string;
  readonly attempts: number;
  /** The server's time of receipt, when its answer said it. */
  readonly receivedAt: string | undefined;
}

/** Detail of `rsp-survey-reset` (kiosk mode): why the form was wiped for the next person. */
export interface RspSurveyResetDetail {
  readonly reason: 'submitted' | 'inactivity' | 'restart';
}

/** The person submitted valid answers; they are stored on the device and sent next. */
export class RspSurveySubmitEvent extends RspEvent<RspSurveySubmitDetail> {
  static readonly type = 'rsp-survey-submit';
  constructor(detail: RspSurveySubmitDetail) {
    super(RspSurveySubmitEvent.type, detail);
  }
}

/** The server could not be reached (or not now): the answer waits in the device's queue. */
export class RspSurveyQueuedEvent extends RspEvent<RspSurveyQueuedDetail> {
  static readonly type = 'rsp-survey-queued';
  constructor(detail: RspSurveyQueuedDetail) {
    super(RspSurveyQueuedEvent.type, detail);
  }
}

/** The server recorded an answer of the queue (this person's, or one left by an earlier visit). */
export class RspSurveySentEvent extends RspEvent<RspSurveySentDetail> {
  static readonly type = 'rsp-survey-sent';
  constructor(detail: RspSurveySentDetail) {
    super(RspSurveySentEvent.type, detail);
  }
}

/** Kiosk mode: the form was wiped for the next person (after a submission, after inactivity, or on request). */
export class RspSurveyResetEvent extends RspEvent<RspSurveyResetDetail> {
  static readonly type = 'rsp-survey-reset';
  constructor(detail: RspSurveyResetDetail) {
    super(RspSurveyResetEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rsp-survey-submit': RspSurveySubmitEvent;
    'rsp-survey-queued': RspSurveyQueuedEvent;
    'rsp-survey-sent': RspSurveySentEvent;
    'rsp-survey-reset': RspSurveyResetEvent;
  }
}
