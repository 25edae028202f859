/**
 * The survey as data: which questions are shown given the answers so far
 * (skip logic), which answers are kept, and what is wrong with a step.
 *
 * Core has `isQuestionShown` (one question's `showIf`) and `checkAnswers`
 * (the server's check); what it lacks is the transitive step: a question whose
 * parent is hidden is hidden too, and the answers of hidden questions are
 * dropped. These functions are pure and DOM-free so that they can move to
 * `@rsp/core/schemas.js` as they are.
 */
import { checkAnswers, isQuestionShown } from '@rsp/core/schemas.js';
import type { AnswerProblem, SurveyAnswer, SurveyDefinition, SurveyQuestion } from '@rsp/core/schemas.js';

export type Answers = Readonly<Record<string, SurveyAnswer>>;

/** Whether an answer counts as "not answered": absent, blank text or no choice. */
export const isBlank = (answer: SurveyAnswer | undefined): boolean =>
  answer === undefined || (typeof answer === 'string' && answer.trim() === '') || (Array.isArray(answer) && answer.length === 0);

/**
 * The answers that stand: those to known questions that are shown, in the
 * survey's order, blank ones left out and texts trimmed. A `showIf` always
 * names an earlier question (the schema checks it), so one pass in order
 * hides a whole branch when its root is hidden.
 */
export function keptAnswers(survey: SurveyDefinition, answers: Answers): Record<string, SurveyAnswer> {
  const kept: Record<string, SurveyAnswer> = {};
  for (const question of survey.questions) {
    const answer = answers[question.id];
    if (isBlank(answer) || !isQuestionShown(question, kept)) continue;
    kept[question.id] = typeof answer === 'string' ? answer.trim() : (answer as SurveyAnswer);
  }
  return kept;
}

/** The questions shown for these answers, in order. */
export function shownQuestions(survey: SurveyDefinition, answers: Answers): SurveyQuestion[] {
  const kept = keptAnswers(survey, answers);
  return survey.questions.filter((question) => isQuestionShown(question, kept));
}

/** Core's `checkAnswers` on the kept answers, limited to the given questions (a step). */
export function stepProblems(survey: SurveyDefinition, answers: Answers, questions: readonly SurveyQuestion[]): AnswerProblem[] {
  const ids = new Set(questions.map((q) => q.id));
  return checkAnswers(survey, keptAnswers(survey, answers)).filter((problem) => ids.has(problem.question));
}
