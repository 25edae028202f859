import '../zod-config.js';
import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText, SchemaVersion } from './common.js';

/** A choice offered by a question. */
export const SurveyOption = z.strictObject({ value: Id, label: LocalizedText });
export type SurveyOption = z.infer<typeof SurveyOption>;

/** Show a question only when an earlier question's answer is (one of) the given value(s). */
export const ShowIf = z.strictObject({
  question: Id,
  equals: z.union([z.string(), z.array(z.string()).check(z.minLength(1, 'rsp.atLeastOne')), z.boolean(), z.number()]),
});
export type ShowIf = z.infer<typeof ShowIf>;

const questionBase = {
  id: Id,
  label: LocalizedText,
  help: z.optional(LocalizedText),
  required: z._default(z.boolean(), false),
  showIf: z.optional(ShowIf),
};

/** A question of a survey; its `type` says what kind of answer it takes. */
export const SurveyQuestion = z.discriminatedUnion('type', [
  z.strictObject({ ...questionBase, type: z.literal('single'), options: z.array(SurveyOption).check(z.minLength(2, 'rsp.atLeastTwo')) }),
  z.strictObject({ ...questionBase, type: z.literal('multiple'), options: z.array(SurveyOption).check(z.minLength(2, 'rsp.atLeastTwo')) }),
  /** A 1–5 scale (or 1–`max`). */
  z.strictObject({
    ...questionBase,
    type: z.literal('scale'),
    max: z._default(z.number().check(z.int('rsp.integer'), z.gte(2, 'rsp.tooSmall'), z.lte(10, 'rsp.tooBig')), 5),
  }),
  /** Four smileys, from very satisfied to not at all, with their own labels. */
  z.strictObject({
    ...questionBase,
    type: z.literal('smiley'),
    options: z.array(SurveyOption).check(z.minLength(2, 'rsp.atLeastTwo'), z.maxLength(5, 'rsp.tooMany')),
  }),
  z.strictObject({ ...questionBase, type: z.literal('yes-no') }),
  z.strictObject({
    ...questionBase,
    type: z.literal('text'),
    maxLength: z._default(z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive'), z.lte(2000, 'rsp.tooBig')), 500),
  }),
  z.strictObject({ ...questionBase, type: z.literal('age-band'), options: z.array(SurveyOption).check(z.minLength(2, 'rsp.atLeastTwo')) }),
  z.strictObject({ ...questionBase, type: z.literal('gender'), options: z.array(SurveyOption).check(z.minLength(2, 'rsp.atLeastTwo')) }),
]);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** A versioned survey: its questions in order. */
export const SurveyDefinition = z
  .strictObject({
    schemaVersion: SchemaVersion,
    id: Id,
    /** Raised at every change of questions, so answers are read against the right version. */
    version: z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive')),
    title: LocalizedText,
    questions: z.array(SurveyQuestion).check(z.minLength(1, 'rsp.atLeastOne'), z.maxLength(100, 'rsp.tooMany')),
  })
  .check(
    z.superRefine((survey, ctx) => {
      const seen = new Map<string, number>();
      survey.questions.forEach((question, index) => {
        if (seen.has(question.id)) ctx.addIssue({ code: 'custom', message: 'rsp.duplicateId', path: ['questions', index, 'id'] });
        if (question.showIf) {
          const target = seen.get(question.showIf.question);
          if (target === undefined) ctx.addIssue({ code: 'custom', message: 'rsp.showIfEarlier', path: ['questions', index, 'showIf', 'question'] });
        }
        seen.set(question.id, index);
      });
    }),
  );
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;
export type SurveyDefinitionInput = z.input<typeof SurveyDefinition>;

/** An answer: a choice, several choices, a scale value, yes/no or a short text. */
export const SurveyAnswer = z.union([
  z.string().check(z.maxLength(2000, 'rsp.tooLong')),
  z.array(z.string().check(z.maxLength(100, 'rsp.tooLong'))).check(z.maxLength(50, 'rsp.tooMany')),
  z.number(),
  z.boolean(),
]);
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

/**
 * An anonymous response: no name, no IP address, no user agent; one per visit,
 * through the per-visit token the site hands out.
 */
export const SurveyResponse = z.strictObject({
  schemaVersion: SchemaVersion,
  surveyId: Id,
  surveyVersion: z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive')),
  siteId: Id,
  visitToken: z.string().check(z.minLength(16, 'rsp.token'), z.maxLength(200, 'rsp.token'), z.regex(/^[A-Za-z0-9_-]+$/, 'rsp.token')),
  submittedAt: IsoDateTime,
  answers: z.record(Id, SurveyAnswer),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;
export type SurveyResponseInput = z.input<typeof SurveyResponse>;

/** Whether a question is shown, given the answers so far (its `showIf`). */
export function isQuestionShown(question: SurveyQuestion, answers: Readonly<Record<string, SurveyAnswer>>): boolean {
  if (!question.showIf) return true;
  const answer = answers[question.showIf.question];
  if (answer === undefined) return false;
  const expected = question.showIf.equals;
  const wanted = Array.isArray(expected) ? expected : [expected];
  const given = Array.isArray(answer) ? answer : [answer];
  return given.some((value) => wanted.includes(value));
}

/** Whether an answer counts as "not answered": absent, blank text or no choice. */
export function isBlankAnswer(answer: SurveyAnswer | undefined): boolean {
  return answer === undefined || (typeof answer === 'string' && answer.trim() === '') || (Array.isArray(answer) && answer.length === 0);
}

/**
 * The answers that stand, as a form should send them: those to known
 * questions that are shown, in the survey's order, blank ones left out and
 * texts trimmed. Skip logic is transitive: a `showIf` always names an earlier
 * question (the schema checks it), so one pass in order hides a whole branch
 * when its root is hidden, stale answers to it included.
 */
export function keptAnswers(survey: SurveyDefinition, answers: Readonly<Record<string, SurveyAnswer>>): Record<string, SurveyAnswer> {
  const kept: Record<string, SurveyAnswer> = {};
  for (const question of survey.questions) {
    const answer = answers[question.id];
    if (answer === undefined || isBlankAnswer(answer) || !isQuestionShown(question, kept)) continue;
    kept[question.id] = typeof answer === 'string' ? answer.trim() : answer;
  }
  return kept;
}

/** The questions shown for these answers, in order (transitively, see {@link keptAnswers}). */
export function shownQuestions(survey: SurveyDefinition, answers: Readonly<Record<string, SurveyAnswer>>): SurveyQuestion[] {
  const kept = keptAnswers(survey, answers);
  return survey.questions.filter((question) => isQuestionShown(question, kept));
}

/** A problem with one answer of a response, by question id and message key. */
export interface AnswerProblem {
  readonly question: string;
  readonly message: 'rsp.required' | 'rsp.unknownQuestion' | 'rsp.hiddenQuestion' | 'rsp.invalidAnswer' | 'rsp.tooLong';
}

/**
 * Checks a response's answers against its survey: every required shown
 * question answered, no answer to an unknown or hidden question, each answer
 * of the right kind (a listed option, a scale value in range, a text not too
 * long). Returns the problems; none means valid.
 */
export function checkAnswers(survey: SurveyDefinition, answers: Readonly<Record<string, SurveyAnswer>>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    const question = byId.get(id);
    if (!question) problems.push({ question: id, message: 'rsp.unknownQuestion' });
    else if (!isQuestionShown(question, answers)) problems.push({ question: id, message: 'rsp.hiddenQuestion' });
  }
  for (const question of survey.questions) {
    const answer = answers[question.id];
    if (!isQuestionShown(question, answers)) continue;
    if (answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) {
      if (question.required) problems.push({ question: question.id, message: 'rsp.required' });
      continue;
    }
    const problem = answerProblem(question, answer);
    if (problem) problems.push({ question: question.id, message: problem });
  }
  return problems;
}

function answerProblem(question: SurveyQuestion, answer: SurveyAnswer): AnswerProblem['message'] | undefined {
  switch (question.type) {
    case 'single':
    case 'smiley':
    case 'age-band':
    case 'gender':
      return typeof answer === 'string' && question.options.some((o) => o.value === answer) ? undefined : 'rsp.invalidAnswer';
    case 'multiple': {
      const values = new Set(question.options.map((o) => o.value));
      return Array.isArray(answer) && answer.every((v) => values.has(v)) && new Set(answer).size === answer.length
        ? undefined
        : 'rsp.invalidAnswer';
    }
    case 'scale':
      return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= question.max ? undefined : 'rsp.invalidAnswer';
    case 'yes-no':
      return typeof answer === 'boolean' ? undefined : 'rsp.invalidAnswer';
    case 'text':
      if (typeof answer !== 'string') return 'rsp.invalidAnswer';
      return answer.length > question.maxLength ? 'rsp.tooLong' : undefined;
  }
}
