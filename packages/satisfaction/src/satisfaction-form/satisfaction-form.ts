// The form shows its outcomes in <rsp-notice>: registering the form registers it.
import '@rsp/elements/notice.js';
import { RspSatisfactionForm } from './satisfaction-form.component.js';

export { RspSatisfactionForm };
export { RspSurveyQueuedEvent, RspSurveyResetEvent, RspSurveySentEvent, RspSurveySubmitEvent } from './satisfaction-form.events.js';
export type { RspSurveyQueuedDetail, RspSurveyResetDetail, RspSurveySentDetail, RspSurveySubmitDetail } from './satisfaction-form.events.js';

// Warns and keeps the first definition when a page loads two copies of RSP Kit.
RspSatisfactionForm.define('rsp-satisfaction-form');

declare global {
  interface HTMLElementTagNameMap {
    'rsp-satisfaction-form': RspSatisfactionForm;
  }
}
