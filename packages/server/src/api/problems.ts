import type { Locale } from '@rsp/core/locale.js';

/** Base of the `type` URI of the API's problems (docs/api.md). */
export const PROBLEM_BASE = 'https://rsp.example.fr/problems/';

/** Words in both languages. */
export interface Words {
  readonly fr: string;
  readonly en: string;
}

/** One invalid field: where (`person.phone`) and what is wrong, in the request's language. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** The problem kinds of the API, with their status and title. `about:blank` kinds are named by their status. */
export const problemKinds = {
  'bad-request': { status: 400, title: { fr: 'Requête mal formée', en: 'Malformed request' }, typed: false },
  unauthorized: { status: 401, title: { fr: 'Authentification requise', en: 'Authentication required' }, typed: false },
  forbidden: { status: 403, title: { fr: 'Accès refusé', en: 'Forbidden' }, typed: false },
  'not-found': { status: 404, title: { fr: 'Introuvable', en: 'Not found' }, typed: false },
  'method-not-allowed': { status: 405, title: { fr: 'Méthode non permise', en: 'Method not allowed' }, typed: false },
  'not-acceptable': { status: 406, title: { fr: 'Format non disponible', en: 'Not acceptable' }, typed: false },
  'payload-too-large': { status: 413, title: { fr: 'Requête trop volumineuse', en: 'Request too large' }, typed: false },
  'unsupported-media-type': { status: 415, title: { fr: 'Format de requête non pris en charge', en: 'Unsupported media type' }, typed: false },
  invalid: { status: 422, title: { fr: 'Données invalides', en: 'Invalid data' }, typed: false },
  'too-many-requests': { status: 429, title: { fr: 'Trop de requêtes', en: 'Too many requests' }, typed: false },
  'internal-error': { status: 500, title: { fr: 'Erreur interne', en: 'Internal error' }, typed: false },
  unavailable: { status: 503, title: { fr: 'Service indisponible', en: 'Service unavailable' }, typed: false },
  'slot-taken': { status: 409, title: { fr: 'Créneau déjà pris', en: 'Slot already taken' }, typed: true },
  'booking-past': { status: 409, title: { fr: 'Rendez-vous passé', en: 'Appointment in the past' }, typed: true },
  'booking-cancelled': { status: 409, title: { fr: 'Rendez-vous annulé', en: 'Appointment cancelled' }, typed: true },
  'already-answered': { status: 409, title: { fr: 'Déjà répondu', en: 'Already answered' }, typed: true },
  'request-in-progress': { status: 409, title: { fr: 'Requête en cours', en: 'Request in progress' }, typed: true },
  'idempotency-key-reused': { status: 422, title: { fr: 'Clé d’idempotence réutilisée', en: 'Idempotency key reused' }, typed: true },
  'no-visio': { status: 409, title: { fr: 'Pas de visio-guichet', en: 'No video counter' }, typed: true },
  'no-agent': { status: 503, title: { fr: 'Aucun agent disponible', en: 'No agent on duty' }, typed: true },
  'ticket-taken': { status: 409, title: { fr: 'Appel déjà pris', en: 'Call already taken' }, typed: true },
  conflict: { status: 409, title: { fr: 'Conflit', en: 'Conflict' }, typed: true },
} as const satisfies Record<string, { status: number; title: Words; typed: boolean }>;

export type ProblemKind = keyof typeof problemKinds;

/** The `type` URI of a kind. */
export function problemType(kind: ProblemKind): string {
  return problemKinds[kind].typed ? `${PROBLEM_BASE}${kind}` : 'about:blank';
}

/**
 * An error a handler throws to answer with a problem document. `detail` is in
 * both languages (the answer uses the request's); `errors` are already in the
 * request's language (they come from `describeIssues`).
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly kind: ProblemKind;
  readonly detail: Words;
  readonly errors: readonly FieldProblem[] | undefined;
  readonly headers: Readonly<Record<string, string>>;
  constructor(kind: ProblemKind, detail: Words, options: { errors?: readonly FieldProblem[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(detail.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
  get status(): number {
    return problemKinds[this.kind].status;
  }
}

/** The body of a problem answer (RFC 9457), in one language. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldProblem[];
}

/** The problem document of an `ApiProblem` for a request path, in a language. */
export function problemBody(problem: ApiProblem, instance: string, locale: Locale): ProblemBody {
  const kind = problemKinds[problem.kind];
  return {
    type: problemType(problem.kind),
    title: kind.title[locale],
    status: kind.status,
    detail: problem.detail[locale],
    instance,
    ...(problem.errors && problem.errors.length > 0 ? { errors: [...problem.errors] } : {}),
  };
}

/** The answer carrying a problem, with `Content-Language`. */
export function problemAnswer(problem: ApiProblem, instance: string, locale: Locale): Response {
  return new Response(JSON.stringify(problemBody(problem, instance, locale)), {
    status: problem.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Language': locale,
      Vary: 'Accept-Language',
      'Cache-Control': 'no-store',
      ...problem.headers,
    },
  });
}
