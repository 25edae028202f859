/**
 * Typed client of the RSP Kit HTTP API (`@rsp/core/client.js`): one method
 * per endpoint of docs/api.md, answers validated with the data model's
 * schemas, typed errors, retries only where they cannot act twice.
 *
 * @module
 */
export {
  Admission,
  ApiCharterStatus,
  ApiEvaluationReport,
  ApiFinding,
  ApiNetworkAudit,
  ApiSiteAudit,
  ApiSlot,
  ApiTimeRange,
  BookingConfirmation,
  EndSessionRequest,
  Health,
  IceServerAnswer,
  OpenApiDocument,
  ProblemDetails,
  ProblemField,
  QueueEntry,
  SiteDetail,
  SiteFeature,
  SiteFeatureCollection,
  SiteList,
  SiteListItem,
  SurveyReceipt,
  VisioConfig,
  VisioDesk,
  VisioTicket,
  VisioTicketStatus,
} from './answers.js';
export { createClient, newIdempotencyKey } from './client.js';
export type {
  ApiCallOptions,
  ApiClient,
  ApiPostOptions,
  BookingRequest,
  ClientOptions,
  FetchLike,
  NearQuery,
  SiteFilters,
  SlotSearch,
  TicketRequest,
  TokenSource,
} from './client.js';
export {
  ApiError,
  HttpError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  isApiError,
  isHttpError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
} from './errors.js';
export type { ApiCall, ApiErrorKind } from './errors.js';
