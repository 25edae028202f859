/**
 * The survey as data for the form: which questions are shown given the
 * answers so far and which answers are kept (core's transitive skip logic,
 * `keptAnswers` and `shownQuestions` of `@rsp/core/schemas.js`), and what is
 * wrong with a step.
 */
import { checkAnswers, isBlankAnswer, keptAnswers, shownQuestions } from '@rsp/core/schemas.js';
import type { AnswerProblem, SurveyAnswer, SurveyDefinition, SurveyQuestion } from '@rsp/core/schemas.js';

export type Answers = Readonly<Record<string, SurveyAnswer>>;

/** Whether an answer counts as "not answered" (core's `isBlankAnswer`). */
export const isBlank = isBlankAnswer;

export { keptAnswers, shownQuestions };

/** Core's `checkAnswers` on the kept answers, limited to the given questions (a step). */
export function stepProblems(survey: SurveyDefinition, answers: Answers, questions: readonly SurveyQuestion[]): AnswerProblem[] {
  const ids = new Set(questions.map((q) => q.id));
  return checkAnswers(survey, keptAnswers(survey, answers)).filter((problem) => ids.has(problem.question));
}
