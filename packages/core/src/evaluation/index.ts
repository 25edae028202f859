/**
 * Evaluation of a network (`@rsp/core/evaluation.js`): weekly counting grids
 * by quarter, site, territory, agency and service; survey results with
 * small-group suppression; visio-guichet activity; trips and CO2 avoided; the
 * seeds' financing model; the coordinator's report; and the seeds' surveys.
 *
 * @module
 */
export { aggregateCounts } from './counts.js';
export type { CountOptions, CountTotals, CountsSummary, GroupTotals, QuarterTotals, Territory, TrendDirection } from './counts.js';
export {
  EXPERT_KIOSK_FUNDING,
  USER_KIOSK_FUNDING,
  comparePlans,
  costPerSession,
  financingTotals,
  kioskPlan,
  peerToPeerPlan,
} from './financing.js';
export type { CostItem, CostTotals, FinancingPlan, FinancingTotals, Funder, FundingShare, PlanComparison, PlanSize } from './financing.js';
export { inPeriod, quarterOfDate, quarterOfWeek, weekThursday } from './period.js';
export type { Period, Quarter, QuarterMode } from './period.js';
export { evaluationReport } from './report.js';
export type { EvaluationInput, EvaluationReport } from './report.js';
export { suppressedCells } from './suppression.js';
export { DEFAULT_SUPPRESSION_THRESHOLD, shareOf, surveyStats, surveyStatsBySite } from './survey-stats.js';
export type { OptionStat, QuestionStat, SiteSurveyStats, SurveyStats, SurveyStatsOptions } from './survey-stats.js';
export { quickFeedbackSurvey, rspSatisfactionSurvey } from './surveys.js';
export { DEFAULT_DETOUR_FACTOR, DEFAULT_EMISSION_FACTOR_KG_PER_KM, RURAL_DETOUR_FACTOR, tripsAvoided } from './trips.js';
export type { AvoidedTrip, TripOptions, TripSummary } from './trips.js';
export { visioStats } from './visio.js';
export type { VisioGroup, VisioStats } from './visio.js';
