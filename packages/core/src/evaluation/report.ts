import type { SurveyDefinition, SurveyResponse } from '../schemas/survey.js';
import type { Site } from '../schemas/site.js';
import type { VisioSession } from '../schemas/visio.js';
import type { WeeklyCount } from '../schemas/weekly-count.js';
import type { CountsSummary, Territory } from './counts.js';
import { aggregateCounts } from './counts.js';
import type { Period, QuarterMode } from './period.js';
import type { SiteSurveyStats, SurveyStats } from './survey-stats.js';
import { DEFAULT_SUPPRESSION_THRESHOLD, surveyStats, surveyStatsBySite } from './survey-stats.js';
import type { AvoidedTrip, TripSummary } from './trips.js';
import { tripsAvoided } from './trips.js';
import type { VisioStats } from './visio.js';
import { visioStats } from './visio.js';

/** What {@link evaluationReport} reads; everything but the period is optional. */
export interface EvaluationInput {
  readonly period: Period;
  readonly counts?: readonly WeeklyCount[];
  /** The network's sites: names for the site lines, and the sites a report is about. */
  readonly sites?: readonly Site[];
  readonly territories?: readonly Territory[];
  readonly survey?: SurveyDefinition;
  readonly responses?: readonly SurveyResponse[];
  readonly sessions?: readonly VisioSession[];
  readonly trips?: readonly AvoidedTrip[];
  /** Smallest group shown in survey results. Default 5. */
  readonly threshold?: number;
  /** Default: calendar quarters. Pass `{ kind: 'project', start }` for "quarter 1…n of the operation". */
  readonly quarters?: QuarterMode;
  /** kg CO2 per km. Default 0.18. */
  readonly emissionFactor?: number;
  /** Road-detour factor. Default 1.0. */
  readonly detourFactor?: number;
}

/** The coordinator's evaluation report for a period. */
export interface EvaluationReport {
  readonly period: Period;
  /** Site id → name, for the sites given. */
  readonly siteNames: Readonly<Record<string, string>>;
  readonly counts: CountsSummary;
  /** Absent when no survey was given. */
  readonly survey?: SurveyStats;
  /** Site by site, when a survey and the sites are given (small sites suppressed, see `surveyStatsBySite`). */
  readonly surveyBySite?: readonly SiteSurveyStats[];
  readonly visio: VisioStats;
  readonly trips: TripSummary;
}

/**
 * Gathers the evaluation of a network for a period: weekly counts by quarter,
 * site, territory, agency and service (with the quarter trend), survey
 * results with small groups suppressed, visio-guichet sessions per agency,
 * and km and CO2 saved. When `sites` is given, only their counts, responses
 * and sessions are counted (trips too, when they name a site).
 *
 * @example
 * evaluationReport({ period: { from: '2008-10-06', to: '2009-08-02' }, counts, sessions, trips })
 */
export function evaluationReport(input: EvaluationInput): EvaluationReport {
  const { period, sites, threshold = DEFAULT_SUPPRESSION_THRESHOLD } = input;
  const ids = sites ? new Set(sites.map((s) => s.id)) : undefined;
  const keep = (siteId: string | undefined): boolean => !ids || siteId === undefined || ids.has(siteId);
  const counts = aggregateCounts(
    (input.counts ?? []).filter((c) => keep(c.siteId)),
    { period, ...(input.quarters ? { quarters: input.quarters } : {}), ...(input.territories ? { territories: input.territories } : {}) },
  );
  const visio = visioStats((input.sessions ?? []).filter((s) => keep(s.siteId)), { period });
  const trips = tripsAvoided(
    (input.trips ?? []).filter((t) => keep(t.siteId)),
    {
      period,
      ...(input.emissionFactor === undefined ? {} : { emissionFactor: input.emissionFactor }),
      ...(input.detourFactor === undefined ? {} : { detourFactor: input.detourFactor }),
    },
  );
  const siteNames = Object.fromEntries((sites ?? []).map((s) => [s.id, s.name]));
  const base = { period, siteNames, counts, visio, trips };
  if (!input.survey) return base;
  const responses = input.responses ?? [];
  const survey = surveyStats(input.survey, responses, { threshold, period, ...(sites ? { siteIds: sites.map((s) => s.id) } : {}) });
  if (!sites) return { ...base, survey };
  const surveyBySite = surveyStatsBySite(input.survey, responses, sites.map((s) => s.id), { threshold, period });
  return { ...base, survey, surveyBySite };
}
