/**
 * Fuzz of every endpoint of `routes/index.ts`, read from the endpoint list so
 * that an endpoint added later is fuzzed without touching this file: hostile
 * path parameters, query strings, headers and bodies, mixed with inputs built
 * from the endpoint's own zod schemas (so that requests also get past the
 * validation into the handlers). Whatever comes in, the server must answer
 * below 500 (503 only where the endpoint declares it), never let a rejection
 * through, and give every error as a problem document (RFC 9457) that the
 * client's `ProblemDetails` parses, with `status` equal to the HTTP status.
 * A 2xx answer with a declared schema must parse with it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ProblemDetails, SiteFeatureCollection } from '@rsp/core/client.js';
import type { Hono } from 'hono';
import { z } from 'zod';
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { AnyEndpoint } from '../src/api/endpoint.js';
import { createBooking } from '../src/db/index.js';
import type { Database, Role } from '../src/db/index.js';
import { endpoints } from '../src/routes/index.js';
import { engines, seed, testApp, tokenFor } from './support/harness.js';

/**
 * Requests per endpoint on PGlite and on PostgreSQL (a smaller run), and a time
 * budget per endpoint so that the file stays under a minute on a busy machine
 * (`FUZZ_RUNS` and `FUZZ_SECONDS` scale both up for a longer hunt).
 */
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const perEndpoint = (total: number) => Math.max(20, Math.floor((total * scale) / Math.max(1, endpoints.length)));
const RUNS = { pglite: perEndpoint(2400), postgres: perEndpoint(600) };
const BUDGET_MS = { pglite: (Number(process.env.FUZZ_SECONDS ?? 35) * 1000) / Math.max(1, endpoints.length), postgres: (Number(process.env.FUZZ_SECONDS ?? 35) * 300) / Math.max(1, endpoints.length) };

// ---------------------------------------------------------------------------
// Hostile material

const big = 'A'.repeat(70_000);
const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%',
  '%zz',
  '%00',
  "' OR '1'='1",
  "'; DROP TABLE bookings; --",
  '1; SELECT pg_sleep(10)',
  '$1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '\uD800',
  '\uFEFF',
  '\u202Eevil',
  '🏳️‍🌈🏳️‍🌈🏳️‍🌈',
  'é'.repeat(300),
  'x'.repeat(5000),
  big,
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '-1',
  '0x10',
  '9007199254740993',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '2026-12-01T25:61:00+01:00',
  '44.78,1.72',
  '91,181',
  '-91,-181',
  '1,2,3,4',
  '5,4,3,2',
  'a,b',
];
const knownIds = ['lot-gramat', 'lot-salviac', 'caf', 'mission-locale', 'caf-rsa', 'ml-emploi', 'gramat-caf', 'rsp-satisfaction', 'rsp-quick-feedback', 'cnaf', 'on-site', 'visio', 'phone'];

const hostileString: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...knownIds) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const hostileJson: Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0),
  fc.constantFrom([], {}, [null], { __proto__: null }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.integer(), { minLength: 0, maxLength: 3000 }),
);

// ---------------------------------------------------------------------------
// Inputs from the endpoint's schemas (through their JSON Schema)

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
}

function jsonSchemaOf(schema: z.core.$ZodType | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

const instant = fc
  .date({ min: new Date('2026-11-01T00:00:00Z'), max: new Date('2027-03-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => new Date(Math.round(d.getTime() / 1_800_000) * 1_800_000).toISOString().replace('.000Z', '+00:00'));

/** Values that mostly fit a JSON Schema (as zod writes it), with known ids for id-like names. */
function fromSchema(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>, name = '', depth = 0): Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(undefined);
  if (schema.$ref) {
    const target = defs[schema.$ref.replace(/^#\/\$defs\//, '')];
    return fromSchema(target, defs, name, depth + 1);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices && choices.length > 0) return fc.oneof(...choices.map((c) => fromSchema(c, defs, name, depth + 1)));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0], defs, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape: Record<string, Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) shape[key] = fromSchema(value, defs, key, depth + 1);
      return fc.record(shape, { requiredKeys: Object.keys(shape).filter((k) => required.has(k)) });
    }
    case 'array': {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => fromSchema(s, defs, name, depth + 1)));
      const minLength = schema.minItems ?? 0;
      return fc.array(fromSchema(schema.items, defs, name, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1000 : schema.exclusiveMinimum + 1);
      const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1000 : schema.exclusiveMaximum - 1);
      if (type === 'integer') return fc.integer({ min: Math.max(min, -1e9), max: Math.min(Math.max(min, max), 1e9) });
      return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringFor(schema, name);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: JsonSchema, name: string): Arbitrary<string> {
  const lower = name.toLowerCase();
  if (/(^id$|id$|^agency$|^site$|^motif$|^charter$|^territory$)/i.test(name)) return fc.constantFrom(...knownIds, 'rsp-2006', 'france-services-2019');
  if (schema.format === 'date-time' || /start|end|at$/.test(lower)) return instant;
  if (schema.format === 'date' || lower === 'from' || lower === 'to') return fc.constantFrom('2026-12-01', '2026-12-08', '2026-11-30', '2027-01-15', '2024-01-01');
  if (schema.format === 'email') return fc.emailAddress();
  if (lower === 'near') return fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })).map(([a, b]) => `${a.toFixed(4)},${b.toFixed(4)}`);
  if (lower === 'week') return fc.constantFrom('2026-W48', '2026-W49', '2027-W10', '2026-W53');
  if (schema.pattern) {
    try {
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 200;
      // Never `.filter` here (a rare length would stall the generator): stretch or cut instead.
      return fc.stringMatching(new RegExp(schema.pattern), { size: 'small' }).map((s) => (s.length > 0 && s.length < min ? s.repeat(Math.ceil(min / s.length)) : s).slice(0, max));
    } catch {
      // a pattern fast-check cannot generate from: plain strings below
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
}

/** Replaces, removes or adds one member somewhere in a value. */
function mutate(value: unknown, pick: number, replacement: unknown, how: 'replace' | 'drop' | 'proto'): unknown {
  const paths: (string | number)[][] = [[]];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (paths.length > 200) return;
    if (Array.isArray(v)) v.forEach((item, i) => { paths.push([...path, i]); walk(item, [...path, i]); });
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) { paths.push([...path, k]); walk(item, [...path, k]); }
  };
  walk(value, []);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) return how === 'proto' ? { ...(value as object), ['__proto__']: replacement, constructor: { prototype: { polluted: true } } } : replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else if (how === 'proto' && typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) {
    Object.defineProperty(parent[last], '__proto__', { value: replacement, enumerable: true, configurable: true, writable: true });
  } else parent[last] = replacement;
  return copy;
}

// ---------------------------------------------------------------------------
// One request

interface Shot {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** `encodeURIComponent` that does not throw on a lone surrogate (it becomes U+FFFD, as a browser sends it). */
const encode = (s: string): string => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

const headerSafe = (s: string): string => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '').trim();

function requestArbitrary(endpoint: AnyEndpoint, tokens: Record<Role | 'revoked', string>, bookingToken: string): Arbitrary<Shot> {
  const paramsSchema = jsonSchemaOf(endpoint.params);
  const querySchema = jsonSchemaOf(endpoint.query);
  const bodySchema = jsonSchemaOf(endpoint.body);
  const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

  const paramValue = (name: string): Arbitrary<string> =>
    fc.oneof(
      { weight: 3, arbitrary: fromSchema(paramsSchema?.properties?.[name], paramsSchema?.$defs ?? {}, name).map((v) => (typeof v === 'string' ? v : String(v))) },
      { weight: 2, arbitrary: fc.constantFrom(...knownIds, bookingToken) },
      { weight: 3, arbitrary: hostileString },
    );
  const path: Arbitrary<string> = fc
    .tuple(fc.tuple(...names.map(paramValue)), fc.integer({ min: 0, max: 9 }))
    .map(([values, mode]) => {
      let i = 0;
      return endpoint.path.replace(/\{(\w+)\}/g, () => {
        const v = values[i++] ?? '';
        // Mostly percent-encoded; sometimes raw (dots, slashes and % reach the router as they are).
        return mode === 0 ? v.replace(/[\s#?]/g, '') : encode(v);
      });
    });

  const validQuery = fromSchema(querySchema, querySchema?.$defs ?? {}).map((q) => (q && typeof q === 'object' ? (q as Record<string, unknown>) : {}));
  const query: Arbitrary<string> = fc
    .tuple(
      validQuery,
      fc.array(fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'limit', 'near', 'x', 'agency', 'a[b]', 'q[]'), hostileString), hostileString), { maxLength: 3 }),
      fc.integer({ min: 0, max: 5 }),
      fc.nat(),
      hostileString,
    )
    .map(([valid, extra, mode, pick, hostile]) => {
      const pairs: [string, string][] = Object.entries(valid)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
      if (mode === 1) pairs.push(...extra);
      if (mode === 2 && pairs.length > 0) {
        const at = pick % pairs.length;
        pairs[at] = [pairs[at]?.[0] ?? 'x', hostile];
      }
      if (mode === 3 && pairs[0]) pairs.push(pairs[0]); // a repeated parameter
      if (mode === 4) return `?${hostile.replace(/[\s#]/g, '')}`; // raw, not encoded
      if (pairs.length === 0) return '';
      return `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
    });

  const validBody = fromSchema(bodySchema, bodySchema?.$defs ?? {});
  const body: Arbitrary<string | undefined> = fc.oneof(
    { weight: 4, arbitrary: validBody.map((b) => JSON.stringify(b ?? {})) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(validBody, fc.nat(), hostileJson, fc.constantFrom<'replace' | 'drop' | 'proto'>('replace', 'drop', 'proto'))
        .map(([b, pick, h, how]) => JSON.stringify(mutate(b ?? {}, pick, h, how) ?? null)),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: hostileJson.map((v) => JSON.stringify(v ?? null)) },
    { weight: 1, arbitrary: fc.tuple(validBody, fc.nat()).map(([b, cut]) => { const text = JSON.stringify(b ?? {}); return text.slice(0, cut % Math.max(1, text.length)); }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 1, max: 7000 }), fc.constantFrom(64, 1000, 5000, 7000)).map((n) => '['.repeat(n) + ']'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => `[${'0,'.repeat(n)}0]`) },
    { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', 'not json', '<html>', '{"a":1,}', '\u0000', '\uFEFF{}', '{"a":"\uD800"}', 'null', '1', '"x"', '[]') },
    { weight: 1, arbitrary: hostileString },
  );

  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    { weight: 3, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/problem+json', 'APPLICATION/JSON', 'application/jsonx', 'json', '', ';;;', 'application/evil+json') },
    { weight: 1, arbitrary: hostileString.map(headerSafe) },
  );
  const accept = fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constantFrom('*/*', 'application/json', 'application/geo+json', 'text/calendar', 'text/html', 'application/*', 'image/png', 'application/json;q=0', '*/*;q=0', ',,,', 'application/json;q=abc', 'text/*;q=0.1, application/xml') },
    { weight: 1, arbitrary: hostileString.map(headerSafe) },
  );
  const language = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constantFrom('en', 'fr', 'en-GB;q=0.9, fr;q=0.1', 'de', '*', 'fr;q=0, en;q=0', 'en;q=2', ';q=0.5', 'zz-ZZ-x-private', ',,;;q=') },
    { weight: 1, arbitrary: hostileString.map(headerSafe) },
  );
  const roles = endpoint.roles ?? [];
  const authorization = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: roles.length > 0 ? 5 : 1, arbitrary: fc.constantFrom(...(['mediator', 'agent', 'coordinator', 'revoked'] as const)).map((r) => `Bearer ${tokens[r]}`) },
    { weight: 2, arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Bearer x', `Bearer ${'a'.repeat(300)}`, 'Basic dXNlcjpwYXNz', 'bearer AAAAAAAAAAAAAAAAAAAAAAAA', `Bearer ${tokens.agent} extra`, 'Bearer \' OR 1=1 --') },
    { weight: 1, arbitrary: hostileString.map(headerSafe) },
  );
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom('fuzz-key-shared-1', 'fuzz-key-shared-2') }, // reused with other bodies
    { weight: 1, arbitrary: fc.constantFrom('short', 'x'.repeat(201), 'has space in it', 'ünïcode-key-ünïcode', '../../../../') },
    { weight: 1, arbitrary: hostileString.map(headerSafe) },
  );
  const length = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('0', '1', '99999999999', '-1', 'abc', '1e3', '16385') });
  const method = fc.oneof({ weight: 12, arbitrary: fc.constant(endpoint.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH') });

  return fc
    .record({ method, path, query, body, contentType, accept, language, authorization, key, length })
    .map((r) => {
      const headers: Record<string, string> = {};
      const sendsBody = r.method !== 'GET' && r.body !== undefined;
      if (sendsBody) headers['content-type'] = r.contentType;
      if (r.accept !== undefined) headers.accept = r.accept;
      if (r.language !== undefined) headers['accept-language'] = r.language;
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.key !== undefined) headers['idempotency-key'] = r.key;
      if (r.length !== undefined) headers['content-length'] = r.length;
      return { method: r.method, url: `${r.path}${r.query}`, headers, ...(sendsBody && r.body !== undefined ? { body: r.body } : {}) };
    });
}

/** Why an answer breaks the contract, or `undefined`. */
async function contractBreach(endpoint: AnyEndpoint, shot: Shot, res: Response): Promise<string | undefined> {
  const declared503 = (endpoint.problems ?? []).includes(503) || 503 in endpoint.answers;
  if (res.status >= 500 && !(res.status === 503 && declared503)) return `status ${String(res.status)}: ${await res.text()}`;
  const inApi = new URL(shot.url, 'http://localhost').pathname.startsWith('/api/');
  if (res.status >= 400 && inApi) {
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/problem+json')) return `status ${String(res.status)} with Content-Type "${type}"`;
    const text = await res.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return `problem body is not JSON: ${text.slice(0, 200)}`;
    }
    const parsed = ProblemDetails.safeParse(data);
    if (!parsed.success) return `problem body fails ProblemDetails: ${text.slice(0, 300)}`;
    if (parsed.data.status !== res.status) return `problem status ${String(parsed.data.status)} ≠ HTTP ${String(res.status)}`;
    // A stack frame ("\n    at f (file.ts:12:3)"), a module path or a source file with its line; not a
    // detail that quotes the request ("nothing at /api/x/2026-12-01T25:61:00").
    if (/\\n\s*at \S|node_modules|\/src\/|\.(?:ts|js|mjs):\d+:\d+/.test(text)) return `problem leaks a stack or a path: ${text.slice(0, 300)}`;
    if (res.status === 429 && !res.headers.get('retry-after')) return '429 without Retry-After';
    return undefined;
  }
  const spec = endpoint.answers[res.status];
  if (res.status < 300 && spec?.schema && res.status !== 204 && shot.method === endpoint.method) {
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('json')) return undefined; // another negotiated format (calendar text is not checked here)
    // The declared schema is the JSON answer's; GeoJSON (negotiated with Accept) has its own.
    const schema = type.startsWith('application/geo+json') ? SiteFeatureCollection : spec.schema;
    const parsed = z.safeParse(schema, await res.json());
    if (!parsed.success) return `${String(res.status)} answer fails its schema: ${z.prettifyError(parsed.error).slice(0, 400)}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
process.on('unhandledRejection', onUnhandled);
let thrown = 0;

for (const engine of engines) {
  describe(`API fuzz (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    let errors: unknown[];
    let tokens: Record<Role | 'revoked', string>;
    let bookingToken: string;

    before(async () => {
      db = await engine.open();
      await seed(db);
      ({ app, errors } = testApp(db));
      const revoked = await tokenFor(db, 'agent');
      await db.query('UPDATE api_tokens SET revoked_at = now() WHERE role = $1 AND revoked_at IS NULL', ['agent']);
      tokens = { mediator: await tokenFor(db, 'mediator'), agent: await tokenFor(db, 'agent'), coordinator: await tokenFor(db, 'coordinator'), admin: await tokenFor(db, 'coordinator'), revoked };
      ({ token: bookingToken } = await createBooking(db, {
        agencyId: 'caf',
        motifId: 'caf-rsa',
        siteId: 'lot-gramat',
        channel: 'on-site',
        start: '2026-12-08T09:00:00+01:00',
        end: '2026-12-08T09:30:00+01:00',
        person: { name: 'Camille Fuzz', phone: '0565000000' },
      }));
    });
    after(async () => {
      await db.close();
    });

    for (const endpoint of endpoints) {
      it(`${endpoint.method} ${endpoint.path}: hostile input never gives a 5xx, every error is a problem document`, async () => {
        const runs = RUNS[engine.name];
        errors.length = 0; // one endpoint's logged error is reported once, by its own test
        await fc.assert(
          fc.asyncProperty(
            requestArbitrary(endpoint, tokens, bookingToken),
            async (shot) => {
              thrown++;
              if (process.env.FUZZ_DEBUG) console.error(thrown, performance.now().toFixed(0), shot.method, shot.url.slice(0, 120), JSON.stringify(shot.headers).slice(0, 200), shot.body?.length);
              let res: Response;
              try {
                res = await app.request(shot.url, { method: shot.method, headers: shot.headers, ...(shot.body === undefined ? {} : { body: shot.body }) });
              } catch (error) {
                throw new Error(`the app threw: ${(error as Error).message}`);
              }
              if (process.env.FUZZ_DEBUG) console.error('  ->', performance.now().toFixed(0), res.status);
              const breach = await contractBreach(endpoint, shot, res);
              if (breach) throw new Error(breach);
              if (errors.length > 0) throw new Error(`unexpected error logged: ${errors[0] instanceof Error ? (errors[0].stack ?? '').split('\n').slice(0, 4).join(' | ') : String(errors[0])}`);
            },
          ),
          { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647), endOnFailure: true, interruptAfterTimeLimit: BUDGET_MS[engine.name], markInterruptAsFailure: false },
        );
        assert.deepEqual(errors, []);
      });
    }

    it('refuses a body nested thousands deep with a 4xx problem, on every endpoint that takes a body', async () => {
      errors.length = 0;
      const failures: string[] = [];
      for (const endpoint of endpoints.filter((e) => e.body !== undefined)) {
        for (const text of ['['.repeat(7000) + ']'.repeat(7000), `${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}`]) {
          thrown++;
          const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'token' ? bookingToken : 'lot-gramat'));
          const role = endpoint.roles?.[0];
          const res = await app.request(path, {
            method: endpoint.method,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) },
            body: text,
          });
          const breach = await contractBreach(endpoint, { method: endpoint.method, url: path, headers: {}, body: text }, res);
          if (breach) failures.push(`${endpoint.method} ${endpoint.path} (${text.slice(0, 5)}…): ${breach.slice(0, 160)}`);
        }
      }
      assert.deepEqual(failures, []);
      errors.length = 0;
    });

    it('answers every 405, 404 and junk path under /api/ with a problem document', async () => {
      errors.length = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('PUT', 'PATCH', 'GET', 'POST', 'DELETE'), fc.array(hostileString, { minLength: 1, maxLength: 4 }), async (method, segments) => {
          thrown++;
          const res = await app.request(`/api/${segments.map(encode).join('/')}`, { method });
          if (res.status >= 500) throw new Error(`status ${String(res.status)}`);
          if (res.status >= 400) {
            assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
            const problem = ProblemDetails.parse(await res.json());
            assert.equal(problem.status, res.status);
          }
        }),
        { numRuns: engine.name === 'pglite' ? 300 : 60 },
      );
      assert.deepEqual(errors, []);
    });
  });
}

describe('API fuzz: totals', () => {
  it('let no promise rejection through', async () => {
    await new Promise((done) => setTimeout(done, 50));
    process.off('unhandledRejection', onUnhandled);
    console.log(`# fuzz: ${String(thrown)} requests thrown over ${String(endpoints.length)} endpoints`);
    assert.deepEqual(unhandled, []);
  });
});
