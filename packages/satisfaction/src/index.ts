// @rsp/satisfaction: classes, events, the survey flow and the local store. Importing
// this module registers nothing; import '@rsp/satisfaction/satisfaction-form.js'
// (or the CDN bundle) for that.
export { RspSatisfactionForm } from './satisfaction-form/satisfaction-form.component.js';
export { RspSurveyQueuedEvent, RspSurveyResetEvent, RspSurveySentEvent, RspSurveySubmitEvent } from './satisfaction-form/satisfaction-form.events.js';
export type { RspSurveyQueuedDetail, RspSurveyResetDetail, RspSurveySentDetail, RspSurveySubmitDetail } from './satisfaction-form/satisfaction-form.events.js';
export { isBlank, keptAnswers, shownQuestions, stepProblems } from './survey/flow.js';
export type { Answers } from './survey/flow.js';
export { isVisitToken, newVisitToken, readVisitToken } from './survey/token.js';
export { deleteDraft, draftKey, loadDraft, saveDraft } from './store/drafts.js';
export type { Draft } from './store/drafts.js';
export { backoff, flushOutbox, outboxEntries, sendEntry } from './store/outbox.js';
export type { FlushOptions, OutboxEntry, RetryReason, SendOutcome } from './store/outbox.js';
export { DB_NAME, isPersistent } from './store/idb.js';
export { version } from './version.js';
