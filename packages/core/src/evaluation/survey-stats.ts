import type { LocalizedText } from '../schemas/common.js';
import type { SurveyAnswer, SurveyDefinition, SurveyQuestion, SurveyResponse } from '../schemas/survey.js';
import { isQuestionShown } from '../schemas/survey.js';
import { parisDate } from '../time/index.js';
import type { Period } from './period.js';
import { inPeriod } from './period.js';
import { suppressedCells } from './suppression.js';

/** The default smallest group shown: 5 respondents. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** One option's result: its count and share, or `suppressed: true` and nothing else. */
export type OptionStat =
  | { readonly value: string; readonly label: LocalizedText; readonly suppressed: false; readonly count: number; readonly share: number }
  | { readonly value: string; readonly label: LocalizedText; readonly suppressed: true };

/**
 * One question's result. `respondents` are the responses that were shown the
 * question and answered it; shares are of them (for a multiple-choice
 * question, of respondents, not of ticks, so they may add up to more than 1).
 * A question answered by fewer than the threshold is `suppressed: true` with
 * no counts at all.
 */
export type QuestionStat =
  | { readonly id: string; readonly type: SurveyQuestion['type']; readonly label: LocalizedText; readonly suppressed: true }
  | {
      readonly id: string;
      readonly type: SurveyQuestion['type'];
      readonly label: LocalizedText;
      readonly suppressed: false;
      readonly respondents: number;
      /** Absent for text questions: their answers are never aggregated (they may name someone). */
      readonly options?: readonly OptionStat[];
      /** Scale questions: the mean answer. */
      readonly mean?: number;
    };

/** A survey's results: per question, in the survey's order. */
export interface SurveyStats {
  readonly surveyId: string;
  readonly surveyVersion: number;
  /** Responses counted (this survey and version, in the period); `suppressed` when under the threshold. */
  readonly responses: number | { readonly suppressed: true };
  readonly threshold: number;
  readonly questions: readonly QuestionStat[];
}

/** Options of {@link surveyStats}. */
export interface SurveyStatsOptions {
  /** Smallest group shown. Default: {@link DEFAULT_SUPPRESSION_THRESHOLD} (5). */
  readonly threshold?: number;
  /** Only responses submitted on these Paris dates. Default: all. */
  readonly period?: Period;
  /** Only responses from these sites. Default: all. */
  readonly siteIds?: readonly string[];
}

const YES_NO: readonly { value: string; label: LocalizedText }[] = [
  { value: 'true', label: { fr: 'Oui', en: 'Yes' } },
  { value: 'false', label: { fr: 'Non', en: 'No' } },
];

function choicesOf(question: SurveyQuestion): readonly { value: string; label: LocalizedText }[] | undefined {
  switch (question.type) {
    case 'text':
      return undefined;
    case 'yes-no':
      return YES_NO;
    case 'scale':
      return Array.from({ length: question.max }, (_, i) => ({ value: String(i + 1), label: { fr: String(i + 1) } }));
    default:
      return question.options;
  }
}

/** The answer's values as option values, or `undefined` when it is empty or of the wrong kind. */
function valuesOf(question: SurveyQuestion, answer: SurveyAnswer | undefined): string[] | undefined {
  if (answer === undefined || answer === '') return undefined;
  switch (question.type) {
    case 'multiple':
      return Array.isArray(answer) && answer.length > 0 ? [...new Set(answer)] : undefined;
    case 'yes-no':
      return typeof answer === 'boolean' ? [String(answer)] : undefined;
    case 'scale':
      return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= question.max ? [String(answer)] : undefined;
    case 'text':
      return typeof answer === 'string' ? [] : undefined;
    default:
      return typeof answer === 'string' ? [answer] : undefined;
  }
}

/** The responses to this survey and version, in the period, from the sites. */
function selectResponses(
  survey: SurveyDefinition,
  responses: readonly SurveyResponse[],
  options: { readonly period?: Period | undefined; readonly siteIds?: readonly string[] | undefined },
): SurveyResponse[] {
  const { period, siteIds } = options;
  const sites = siteIds ? new Set(siteIds) : undefined;
  return responses.filter(
    (r) =>
      r.surveyId === survey.id &&
      r.surveyVersion === survey.version &&
      (!sites || sites.has(r.siteId)) &&
      inPeriod(parisDate(new Date(r.submittedAt)), period),
  );
}

/**
 * Aggregates anonymous survey responses per question, with percentages and
 * small-group suppression (see {@link suppressedCells} for the rule). Only
 * responses to the survey's id and version count; in each response, only
 * answers to questions that were shown (their `showIf` met) count, and an
 * answer that is not one of the question's options is ignored.
 *
 * @example
 * surveyStats(rspSatisfactionSurvey, responses).questions.find((q) => q.id === 'recommend')
 */
export function surveyStats(survey: SurveyDefinition, responses: readonly SurveyResponse[], options: SurveyStatsOptions = {}): SurveyStats {
  const { threshold = DEFAULT_SUPPRESSION_THRESHOLD, period, siteIds } = options;
  const selected = selectResponses(survey, responses, { period, siteIds });
  const questions = survey.questions.map((question): QuestionStat => {
    const base = { id: question.id, type: question.type, label: question.label };
    const choices = choicesOf(question);
    const known = choices ? new Set(choices.map((c) => c.value)) : undefined;
    const tally = new Map<string, number>();
    let respondents = 0;
    let sum = 0;
    for (const response of selected) {
      if (!isQuestionShown(question, response.answers)) continue;
      const answer = response.answers[question.id];
      const values = valuesOf(question, answer);
      if (!values || (known && !values.every((v) => known.has(v)))) continue;
      respondents += 1;
      if (typeof answer === 'number') sum += answer;
      for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
    }
    if (respondents < threshold) return { ...base, suppressed: true };
    if (!choices) return { ...base, suppressed: false, respondents };
    const counts = choices.map((c) => tally.get(c.value) ?? 0);
    const hidden = suppressedCells(counts, threshold, question.type !== 'multiple');
    const optionStats = choices.map((c, i): OptionStat => {
      const count = counts[i] ?? 0;
      return hidden[i]
        ? { value: c.value, label: c.label, suppressed: true }
        : { value: c.value, label: c.label, suppressed: false, count, share: count / respondents };
    });
    return question.type === 'scale'
      ? { ...base, suppressed: false, respondents, options: optionStats, mean: sum / respondents }
      : { ...base, suppressed: false, respondents, options: optionStats };
  });
  return {
    surveyId: survey.id,
    surveyVersion: survey.version,
    responses: selected.length < threshold ? { suppressed: true } : selected.length,
    threshold,
    questions,
  };
}

/**
 * The share of respondents who chose any of `values` (a "top box": very
 * satisfied + satisfied) on a single-choice, smiley, yes/no or scale question
 * (on a multiple-choice question the shares overlap and this sum would
 * overcount), or `undefined` when the question or one of those
 * options is suppressed, or the question is unknown.
 *
 * @example
 * shareOf(stats, 'reception', ['very-satisfied', 'satisfied']) // 0.94
 */
export function shareOf(stats: SurveyStats, questionId: string, values: readonly string[]): number | undefined {
  const question = stats.questions.find((q) => q.id === questionId);
  if (!question || question.suppressed || !question.options) return undefined;
  let total = 0;
  for (const value of values) {
    const option = question.options.find((o) => o.value === value);
    if (!option || option.suppressed) return undefined;
    total += option.share;
  }
  return total;
}

/** One site's results in {@link surveyStatsBySite}: its stats, or `suppressed: true` and nothing else. */
export type SiteSurveyStats = { readonly siteId: string; readonly suppressed: true } | { readonly siteId: string; readonly suppressed: false; readonly stats: SurveyStats };

/**
 * Survey results site by site, for a breakdown shown beside the network's
 * total. A site with fewer responses than the threshold is suppressed; and
 * since the network total is shown, the site groups take the complementary
 * rule too (see {@link suppressedCells}): if one site is suppressed, the next
 * smallest is as well, until the suppressed sites hold at least the threshold,
 * so that no small site can be recovered by subtracting the others from the
 * total. Inside each shown site, questions and options follow
 * {@link surveyStats}.
 */
export function surveyStatsBySite(
  survey: SurveyDefinition,
  responses: readonly SurveyResponse[],
  siteIds: readonly string[],
  options: Omit<SurveyStatsOptions, 'siteIds'> = {},
): SiteSurveyStats[] {
  const { threshold = DEFAULT_SUPPRESSION_THRESHOLD } = options;
  const perSite = siteIds.map((siteId) => surveyStats(survey, responses, { ...options, siteIds: [siteId] }));
  const sizes = siteIds.map((siteId) => selectResponses(survey, responses, { ...options, siteIds: [siteId] }).length);
  const hidden = suppressedCells(sizes, threshold, true);
  return siteIds.map((siteId, i) => {
    const stats = perSite[i];
    return hidden[i] || !stats || typeof stats.responses !== 'number' ? { siteId, suppressed: true } : { siteId, suppressed: false, stats };
  });
}

