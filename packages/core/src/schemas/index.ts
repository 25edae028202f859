export { Agency, AgencySector, NationalPartner } from './agency.js';
export type { AgencyInput } from './agency.js';
export { Booking, BookingPerson } from './booking.js';
export type { BookingInput } from './booking.js';
export {
  Contact,
  Coordinates,
  Email,
  Id,
  InseeCode,
  IsoDate,
  IsoDateTime,
  IsoWeek,
  LocalizedText,
  OpeningHoursText,
  Phone,
  Postcode,
  SCHEMA_VERSION,
  SchemaVersion,
  WebUrl,
} from './common.js';
export { Convention } from './convention.js';
export type { ConventionInput } from './convention.js';
export { Mediator, Training } from './mediator.js';
export type { MediatorInput } from './mediator.js';
export { Channel, Motif } from './motif.js';
export type { MotifInput } from './motif.js';
export { Address, Equipment, Label, Site, SourceRef, Stop, VenueKind } from './site.js';
export type { SiteInput } from './site.js';
export {
  ShowIf,
  SurveyAnswer,
  SurveyDefinition,
  SurveyOption,
  SurveyQuestion,
  SurveyResponse,
  checkAnswers,
  isBlankAnswer,
  isQuestionShown,
  keptAnswers,
  shownQuestions,
} from './survey.js';
export type { AnswerProblem, SurveyDefinitionInput, SurveyResponseInput } from './survey.js';
export { describeIssues, formatPath, parseOrThrow, validate } from './validate.js';
export type { ValidationResult } from './validate.js';
export { VisioOutcome, VisioSession } from './visio.js';
export type { VisioSessionInput } from './visio.js';
export { ServiceKind, WeeklyCount } from './weekly-count.js';
export type { WeeklyCountInput } from './weekly-count.js';
