import { SurveyReceipt } from '@rsp/core/client.js';
import { quickFeedbackSurvey, rspSatisfactionSurvey } from '@rsp/core/evaluation.js';
import type { Locale } from '@rsp/core/locale.js';
import { Id, SurveyDefinition, SurveyResponse, checkAnswers, describeIssues } from '@rsp/core/schemas.js';
import type { AnswerProblem } from '@rsp/core/schemas.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import type { FieldProblem } from '../api/problems.js';
import { ConflictError } from '../db/errors.js';
import { insertSurveyResponse } from '../db/surveys.js';

/**
 * The surveys the server serves, by id: definitions are code (`@rsp/core/evaluation.js`),
 * one current version each. Answers to another version are refused (`404`).
 */
export const surveys: ReadonlyMap<string, SurveyDefinition> = new Map([rspSatisfactionSurvey, quickFeedbackSurvey].map((s) => [s.id, s]));

const SurveyParams = z.object({ id: Id });

function unknownSurvey(id: string): ApiProblem {
  return new ApiProblem('not-found', { fr: `Il n’y a pas de questionnaire « ${id} ».`, en: `There is no survey "${id}".` });
}

/** `checkAnswers` problems as `errors[]`, worded like the schemas' issues, at `answers.<question id>`. */
function answerProblems(survey: SurveyDefinition, problems: readonly AnswerProblem[], locale: Locale): FieldProblem[] {
  const issues = problems.map((p): z.core.$ZodIssue => {
    const path = ['answers', p.question];
    if (p.message === 'rsp.tooLong') {
      const question = survey.questions.find((q) => q.id === p.question);
      const maximum = question?.type === 'text' ? question.maxLength : 0;
      return { code: 'too_big', origin: 'string', maximum, message: p.message, path, input: undefined };
    }
    return { code: 'custom', message: p.message, path, input: undefined };
  });
  return describeIssues(issues, locale).map(({ path, message }) => ({ path, message }));
}

const words = (fr: string, en: string) => (locale: Locale) => (locale === 'fr' ? fr : en);

/** `GET /api/surveys/{id}` and `POST /api/surveys/{id}/responses` (docs/api.md, Surveys). */
export const surveyEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'GET',
    path: '/api/surveys/{id}',
    tag: 'surveys',
    summary: 'The current version of a survey.',
    params: SurveyParams,
    answers: { 200: { description: 'The survey definition', schema: SurveyDefinition } },
    problems: [404],
    handle({ params }) {
      const survey = surveys.get(params.id);
      if (!survey) throw unknownSurvey(params.id);
      return ok(survey, 200, { 'Cache-Control': 'public, max-age=300' });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/surveys/{id}/responses',
    tag: 'surveys',
    summary: 'An anonymous answer to a survey: one per visit token; no IP address or user agent is stored.',
    params: SurveyParams,
    body: SurveyResponse,
    idempotency: 'required',
    answers: { 201: { description: 'The answer was recorded', schema: SurveyReceipt } },
    problems: [404, 409, 422],
    async handle({ params, body, db, catalog, services, locale }) {
      const survey = surveys.get(params.id);
      if (!survey) throw unknownSurvey(params.id);
      if (body.surveyId !== survey.id) {
        throw new ApiProblem(
          'invalid',
          { fr: `Cette réponse est adressée au questionnaire « ${body.surveyId} », pas à « ${survey.id} ».`, en: `This answer is for the survey "${body.surveyId}", not "${survey.id}".` },
          { errors: [{ path: 'surveyId', message: words(`doit valoir « ${survey.id} »`, `must be "${survey.id}"`)(locale) }] },
        );
      }
      if (body.surveyVersion !== survey.version) {
        throw new ApiProblem('not-found', {
          fr: `Le questionnaire « ${survey.id} » n’a pas de version ${String(body.surveyVersion)} ; la version en cours est la ${String(survey.version)}. Rechargez le questionnaire.`,
          en: `The survey "${survey.id}" has no version ${String(body.surveyVersion)}; the current version is ${String(survey.version)}. Reload the survey.`,
        });
      }
      const errors: FieldProblem[] = [];
      if (!catalog.siteById.has(body.siteId)) errors.push({ path: 'siteId', message: words('ne correspond à aucun site du réseau', 'matches no site of the network')(locale) });
      errors.push(...answerProblems(survey, checkAnswers(survey, body.answers), locale));
      if (errors.length > 0) {
        throw new ApiProblem('invalid', { fr: 'Certaines réponses ne peuvent pas être enregistrées.', en: 'Some answers cannot be recorded.' }, { errors });
      }
      try {
        const { receivedAt } = await insertSurveyResponse(db, body, services.now());
        return ok(SurveyReceipt.parse({ surveyId: survey.id, receivedAt }), 201);
      } catch (error) {
        if (error instanceof ConflictError && error.constraint === 'survey_responses_one_per_visit') {
          throw new ApiProblem(
            'already-answered',
            { fr: 'Ce questionnaire a déjà reçu une réponse pour cette visite. Merci de votre participation.', en: 'This survey was already answered for this visit. Thank you for taking part.' },
            { cause: error },
          );
        }
        throw error;
      }
    },
  }),
];
