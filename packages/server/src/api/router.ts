import { getConnInfo } from '@hono/node-server/conninfo';
import { matchLocale } from '@rsp/core/locale.js';
import type { Locale } from '@rsp/core/locale.js';
import { describeIssues } from '@rsp/core/schemas.js';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ConflictError, IdempotencyKeyReusedError, RequestInProgressError } from '../db/errors.js';
import type { Queryable } from '../db/database.js';
import { findToken } from '../db/tokens.js';
import type { TokenGrant } from '../db/tokens.js';
import type { AnyEndpoint, EndpointResult } from './endpoint.js';
import { claimKey, requestFingerprint, storeAnswer } from '../db/idempotency.js';
import type { StoredAnswer } from '../db/idempotency.js';
import { ApiProblem, problemAnswer } from './problems.js';
import type { ApiServices } from './services.js';

/** `Idempotency-Key` values: a UUID or any caller-chosen 8–200 safe characters. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/** Default largest request body. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/**
 * The request's language from `Accept-Language` (quality values honoured):
 * the first of French or English the client accepts, French otherwise.
 */
export function requestLocale(header: string | undefined | null): Locale {
  if (!header) return 'fr';
  const ranges = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const range of ranges) {
    const locale = matchLocale(range.tag);
    if (locale) return locale;
  }
  return 'fr';
}

/** Whether an `Accept` header admits one of the media types. */
export function accepts(header: string | undefined | null, produces: readonly string[]): boolean {
  if (!header || header.trim() === '') return true;
  const wanted = header.split(',').map((part) => {
    const [type = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { type: type.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
  });
  return wanted.some(
    (w) => w.q > 0 && (w.type === '*/*' || produces.some((p) => p === w.type || (w.type.endsWith('/*') && p.startsWith(w.type.slice(0, -1))))),
  );
}

/** `/api/sites/{id}` → Hono's `/api/sites/:id`; `{token}.ics` becomes a parameter with a suffix pattern. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}(\.\w+)?/g, (_, name: string, suffix: string | undefined) =>
    suffix ? `:${name}{[^/]+\\${suffix}}` : `:${name}`,
  );
}

function pathPattern(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\}/g, '[^/]+');
  return new RegExp(`^${source}$`);
}

const fieldProblems = (issues: z.core.$ZodIssue[], locale: Locale, prefix = '') =>
  describeIssues(issues, locale).map((i) => ({ path: prefix && i.path ? `${prefix}.${i.path}` : i.path || prefix, message: i.message }));

function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/** Reads a body stream, stopping as soon as it passes `max` bytes (a chunked upload has no Content-Length to check first). */
async function readLimited(stream: ReadableStream<Uint8Array> | null, max: number, tooLarge: ApiProblem): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function readBody(c: Context, endpoint: AnyEndpoint): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const max = endpoint.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const declared = Number(c.req.header('content-length') ?? NaN);
  const tooLarge = new ApiProblem('payload-too-large', {
    fr: `Le corps de la requête dépasse ${String(max)} octets.`,
    en: `The request body is larger than ${String(max)} bytes.`,
  });
  if (declared > max) throw tooLarge;
  const raw = await readLimited(c.req.raw.body, max, tooLarge);
  if (raw.byteLength === 0) {
    if (type && type !== 'application/json') throw unsupported();
    return undefined;
  }
  if (type !== 'application/json' && !type?.endsWith('+json')) throw unsupported();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ApiProblem('bad-request', { fr: 'Le corps de la requête n’est pas du texte UTF-8.', en: 'The request body is not UTF-8 text.' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const where = (error as Error).message;
    throw new ApiProblem('bad-request', { fr: `Le corps de la requête n’est pas du JSON valide (${where}).`, en: `The request body is not valid JSON (${where}).` });
  }
  if (depthOver(value, MAX_JSON_DEPTH))
    throw new ApiProblem('bad-request', {
      fr: `Le corps de la requête est imbriqué sur plus de ${String(MAX_JSON_DEPTH)} niveaux.`,
      en: `The request body is nested more than ${String(MAX_JSON_DEPTH)} levels deep.`,
    });
  return value;
}

/** Deepest nesting of objects and arrays accepted in a body (no record of the API goes beyond 6). */
export const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max`, checked without recursion (a deep body must not exhaust the stack). */
function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() ?? [undefined, 0];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function unsupported(): ApiProblem {
  return new ApiProblem('unsupported-media-type', {
    fr: 'Envoyez le corps en JSON, avec l’en-tête Content-Type: application/json.',
    en: 'Send the body as JSON, with the header Content-Type: application/json.',
  });
}

function toResponse(result: EndpointResult | StoredAnswer, locale: Locale, extra: Record<string, string> = {}): Response {
  const headers = new Headers({ 'Content-Language': locale, Vary: 'Accept-Language', ...result.headers, ...extra });
  if (result.status === 204 || result.body === undefined) return new Response(null, { status: result.status, headers });
  headers.set('Content-Type', result.contentType ?? 'application/json; charset=utf-8');
  const text = typeof result.body === 'string' && result.contentType !== undefined ? result.body : JSON.stringify(result.body);
  return new Response(text, { status: result.status, headers });
}

/** The problem for an error a handler let through: typed storage errors keep their meaning, anything else is a 500. */
export function problemOf(error: unknown, services: Pick<ApiServices, 'log'>, where: string): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof IdempotencyKeyReusedError)
    return new ApiProblem('idempotency-key-reused', {
      fr: 'Cette clé d’idempotence a déjà servi pour une autre requête. Utilisez une nouvelle clé.',
      en: 'This idempotency key was already used for another request. Use a new key.',
    });
  if (error instanceof RequestInProgressError)
    return new ApiProblem(
      'request-in-progress',
      { fr: 'La première requête avec cette clé est encore en cours. Réessayez dans un instant.', en: 'The first request with this key is still running. Try again in a moment.' },
      { headers: { 'Retry-After': '1' } },
    );
  if (error instanceof ConflictError)
    return new ApiProblem('conflict', { fr: 'Cet enregistrement existe déjà ou entre en conflit avec un autre.', en: 'This record already exists or conflicts with another.' });
  services.log(`Unexpected error on ${where}`, error);
  return new ApiProblem('internal-error', {
    fr: 'Une erreur inattendue s’est produite. Rien n’a été enregistré ; vous pouvez réessayer.',
    en: 'An unexpected error occurred. Nothing was saved; you may try again.',
  });
}

async function authenticate(c: Context, services: ApiServices): Promise<TokenGrant | undefined> {
  const header = c.req.header('authorization');
  if (header === undefined) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,200})\s*$/i.exec(header);
  const grant = match?.[1] ? await findToken(services.db, match[1]) : undefined;
  if (!grant)
    throw new ApiProblem(
      'unauthorized',
      { fr: 'Le jeton d’accès est inconnu, révoqué ou mal écrit (attendu : Authorization: Bearer <jeton>).', en: 'The access token is unknown, revoked or malformed (expected: Authorization: Bearer <token>).' },
      { headers: { 'WWW-Authenticate': 'Bearer' } },
    );
  return grant;
}

/** Registers the endpoints on a Hono application, under their paths. */
export function mountEndpoints(app: Hono, endpoints: readonly AnyEndpoint[], services: ApiServices): void {
  for (const endpoint of endpoints) {
    const rate = endpoint.rate ?? (endpoint.roles ? 'none' : endpoint.method === 'GET' ? 'read' : 'write');
    const produces = endpoint.produces ?? ['application/json'];
    app.on(endpoint.method, honoPath(endpoint.path), async (c) => {
      const locale = requestLocale(c.req.header('accept-language'));
      const path = c.req.path;
      try {
        if (rate !== 'none') {
          const decision = services.limiter.take(clientOf(c), rate);
          if (!decision.ok) {
            throw new ApiProblem(
              'too-many-requests',
              { fr: `Trop de requêtes depuis votre poste. Réessayez dans ${String(decision.retryAfterSeconds)} s.`, en: `Too many requests from your device. Try again in ${String(decision.retryAfterSeconds)} s.` },
              { headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
            );
          }
        }
        if (!accepts(c.req.header('accept'), [...produces, 'application/problem+json'])) {
          throw new ApiProblem('not-acceptable', { fr: `Cette adresse répond en ${produces.join(' ou ')}.`, en: `This endpoint answers in ${produces.join(' or ')}.` });
        }
        const grant = await authenticate(c, services);
        if (endpoint.roles) {
          if (!grant)
            throw new ApiProblem(
              'unauthorized',
              { fr: 'Cette action demande un jeton d’accès (Authorization: Bearer <jeton>).', en: 'This action needs an access token (Authorization: Bearer <token>).' },
              { headers: { 'WWW-Authenticate': 'Bearer' } },
            );
          if (!endpoint.roles.includes(grant.role))
            throw new ApiProblem('forbidden', {
              fr: `Votre rôle (${grant.role}) ne permet pas cette action ; rôles admis : ${endpoint.roles.join(', ')}.`,
              en: `Your role (${grant.role}) may not do this; allowed roles: ${endpoint.roles.join(', ')}.`,
            });
        }

        let params: unknown = c.req.param();
        if (endpoint.params) {
          const parsed = z.safeParse(endpoint.params, params);
          if (!parsed.success) throw new ApiProblem('not-found', { fr: `Rien ne se trouve à l’adresse ${path}.`, en: `There is nothing at ${path}.` });
          params = parsed.data;
        }

        const search = new URL(c.req.url).searchParams;
        const rawQuery: Record<string, string> = {};
        for (const [key, value] of search) {
          if (key in rawQuery) throw new ApiProblem('bad-request', { fr: `Le paramètre « ${key} » est répété.`, en: `The parameter "${key}" is repeated.` }, { errors: [{ path: key, message: locale === 'fr' ? 'est répété' : 'is repeated' }] });
          rawQuery[key] = value;
        }
        let query: unknown = rawQuery;
        if (endpoint.query) {
          const parsed = z.safeParse(endpoint.query, rawQuery, { reportInput: true });
          if (!parsed.success)
            throw new ApiProblem('bad-request', { fr: 'Des paramètres de la requête sont invalides.', en: 'Some query parameters are invalid.' }, { errors: fieldProblems(parsed.error.issues, locale) });
          query = parsed.data;
        } else if (Object.keys(rawQuery).length > 0) {
          const names = Object.keys(rawQuery);
          throw new ApiProblem('bad-request', { fr: 'Cette adresse ne prend aucun paramètre.', en: 'This endpoint takes no query parameter.' }, { errors: names.map((n) => ({ path: n, message: locale === 'fr' ? 'est un champ inconnu' : 'is an unknown field' })) });
        }

        let body: unknown = undefined;
        if (endpoint.method !== 'GET') {
          const raw = await readBody(c, endpoint);
          if (endpoint.body) {
            const parsed = z.safeParse(endpoint.body, raw ?? {}, { reportInput: true });
            if (!parsed.success)
              throw new ApiProblem('invalid', { fr: 'Certains champs sont invalides.', en: 'Some fields are invalid.' }, { errors: fieldProblems(parsed.error.issues, locale) });
            body = parsed.data;
          } else if (raw !== undefined && !(typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0)) {
            throw new ApiProblem('invalid', { fr: 'Cette action ne prend pas de corps.', en: 'This action takes no body.' });
          }
        }

        const key = c.req.header('idempotency-key');
        if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
          throw new ApiProblem('bad-request', { fr: 'L’en-tête Idempotency-Key doit compter de 8 à 200 caractères parmi A-Z a-z 0-9 _ . : -.', en: 'The Idempotency-Key header must be 8 to 200 characters among A-Z a-z 0-9 _ . : -.' });
        if (endpoint.idempotency === 'required' && key === undefined)
          throw new ApiProblem('bad-request', { fr: 'Cette action demande un en-tête Idempotency-Key (un UUID aléatoire, le même pour chaque nouvel essai).', en: 'This action needs an Idempotency-Key header (a random UUID, the same for every retry).' });

        const catalog = await services.catalog.current();
        const input = (db: Queryable) => ({ params, query, body, grant, locale, db, catalog, database: services.db, services, headers: c.req.raw.headers, path });
        if (endpoint.method === 'GET') return toResponse(await endpoint.handle(input(services.db)), locale);

        const scope = grant?.id ?? 'public';
        const useKey = endpoint.idempotency !== undefined && key !== undefined;
        const outcome = await services.db.transaction(async (tx) => {
          if (useKey) {
            const stored = await claimKey(tx, scope, key, requestFingerprint(endpoint.method, path, body));
            if (stored) return { answer: stored, replayed: true };
          }
          const result = await endpoint.handle(input(tx));
          const answer: StoredAnswer = {
            status: result.status,
            ...(result.body === undefined ? {} : { body: result.body }),
            ...(result.contentType ? { contentType: result.contentType } : {}),
            ...(result.headers ? { headers: result.headers } : {}),
          };
          if (useKey) await storeAnswer(tx, scope, key, answer);
          return { answer, replayed: false };
        });
        return toResponse(outcome.answer, locale, outcome.replayed ? { 'Idempotency-Replayed': 'true' } : {});
      } catch (error) {
        return problemAnswer(problemOf(error, services, `${endpoint.method} ${endpoint.path}`), path, locale);
      }
    });
  }

  // A known path with another method: 405 with the methods it has.
  const patterns = endpoints.map((e) => ({ method: e.method, pattern: pathPattern(e.path) }));
  app.all('/api/*', (c) => {
    const locale = requestLocale(c.req.header('accept-language'));
    const allowed = [...new Set(patterns.filter((p) => p.pattern.test(c.req.path)).map((p) => p.method))];
    if (allowed.length > 0) {
      const methods = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
      return problemAnswer(
        new ApiProblem('method-not-allowed', { fr: `Cette adresse accepte : ${methods.join(', ')}.`, en: `This endpoint accepts: ${methods.join(', ')}.` }, { headers: { Allow: methods.join(', ') } }),
        c.req.path,
        locale,
      );
    }
    return problemAnswer(new ApiProblem('not-found', { fr: `Il n’y a pas d’adresse d’API ${c.req.path}.`, en: `There is no API endpoint at ${c.req.path}.` }), c.req.path, locale);
  });
}
