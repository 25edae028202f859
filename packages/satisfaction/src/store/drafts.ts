import type { SurveyAnswer } from '@rsp/core/schemas.js';
import { idbDelete, idbGet, idbPut } from './idb.js';

/** The answers given so far by one visit, kept from the first click. */
export interface Draft {
  readonly answers: Readonly<Record<string, SurveyAnswer>>;
  /** The step shown (one question at a time). */
  readonly step: number;
}

/** Drafts are keyed by survey, version and visit token: another visit, or a new version, starts blank. */
export const draftKey = (surveyId: string, version: number, visitToken: string): string => `${surveyId}@${String(version)}:${visitToken}`;

export const loadDraft = (key: string): Promise<Draft | undefined> => idbGet<Draft>('drafts', key);
export const saveDraft = (key: string, draft: Draft): Promise<void> => idbPut('drafts', key, draft);
export const deleteDraft = (key: string): Promise<void> => idbDelete('drafts', key);
