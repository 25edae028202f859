import '../zod-config.js';
import ky from 'ky';
import type { KyInstance } from 'ky';
import * as z from 'zod/mini';
import type { LatLon } from './distance.js';
import { GeocoderError } from './geocoder.js';
import type { GeocodeCallOptions, GeocodeKind, GeocodeResult, GeocodeSearchOptions, Geocoder } from './geocoder.js';
import { createTokenBucket } from './token-bucket.js';
import type { TokenBucket } from './token-bucket.js';
import { abortReason } from './platform.js';
import type { AbortSignalLike, ResponseLike } from './platform.js';

/** The public IGN Géoplateforme geocoding service. */
export const GEOPLATEFORME_GEOCODING_URL = 'https://data.geopf.fr/geocodage';

/** Options of {@link createGeoplateformeGeocoder}; every one has a default. */
export interface GeoplateformeOptions {
  /** Service root, without the operation. Default {@link GEOPLATEFORME_GEOCODING_URL}. */
  readonly baseUrl?: string;
  /** Per-attempt timeout in ms. Default 8000. */
  readonly timeoutMs?: number;
  /** Client-side rate for `search` and `reverse` together, requests per second. Default 50 (the service's limit per IP). */
  readonly searchRatePerSecond?: number;
  /** Client-side rate for `complete`, requests per second. Default 10. */
  readonly completionRatePerSecond?: number;
  /** Retries of a 429 or 503 answer, after waiting what `Retry-After` asks. Default 2. */
  readonly retries?: number;
  /** Longest `Retry-After` honoured, in ms; a longer one fails at once as `rate-limited`. Default 10000. */
  readonly maxRetryAfterMs?: number;
}

const lon = z.number().check(z.gte(-180), z.lte(180));
const lat = z.number().check(z.gte(-90), z.lte(90));
const text = z.string().check(z.minLength(1));

/** A point geometry: `[lon, lat]`, possibly with an altitude. */
const Point = z.object({ type: z.literal('Point'), coordinates: z.tuple([lon, lat], z.number()) });

/** A search or reverse answer: a GeoJSON FeatureCollection of address features. */
const FeatureCollection = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.looseObject({
      type: z.literal('Feature'),
      geometry: Point,
      properties: z.looseObject({
        label: text,
        score: z.number().check(z.gte(0)),
        type: z.optional(z.string()),
        postcode: z.optional(z.string()),
        citycode: z.optional(z.string()),
        city: z.optional(z.string()),
      }),
    }),
  ),
});

/** A completion answer. */
const Completion = z.looseObject({
  status: z.literal('OK'),
  results: z.array(
    z.looseObject({
      fulltext: text,
      x: lon,
      y: lat,
      country: z.optional(z.string()),
      kind: z.optional(z.string()),
      city: z.optional(z.string()),
      zipcode: z.optional(z.string()),
      poiType: z.optional(z.array(z.string())),
    }),
  ),
});

const KINDS: readonly GeocodeKind[] = ['housenumber', 'street', 'locality', 'municipality'];

/** Parses a `Retry-After` value (seconds or an HTTP date) into ms; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function compact(result: {
  label: string;
  point: LatLon;
  kind: GeocodeKind;
  score: number;
  postcode?: string | undefined;
  inseeCode?: string | undefined;
  commune?: string | undefined;
}): GeocodeResult {
  const { postcode, inseeCode, commune, ...rest } = result;
  return {
    ...rest,
    ...(postcode ? { postcode } : {}),
    ...(inseeCode ? { inseeCode } : {}),
    ...(commune ? { commune } : {}),
  };
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * A {@link Geocoder} on the IGN Géoplateforme geocoding service (`/search`, `/reverse` on the
 * address index, `/completion`), built on ky. Each call waits for a token of a client-side
 * bucket (50/s for search and reverse, 10/s for completion by default), honours `Retry-After`
 * on 429 and 503 up to `retries` times, validates the answer with zod, and fails with a
 * {@link GeocoderError}: `network`, `timeout`, `http` (status and the service's message),
 * `rate-limited` (429 that persists, with `retryAfterMs`) or `invalid-response`. Nothing is
 * sent before a call: creating the geocoder does no work.
 */
export function createGeoplateformeGeocoder(options: GeoplateformeOptions = {}): Geocoder {
  const base = (options.baseUrl ?? GEOPLATEFORME_GEOCODING_URL).replace(/\/*$/, '/');
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  const searchBucket = createTokenBucket({ ratePerSecond: options.searchRatePerSecond ?? 50 });
  const completionBucket = createTokenBucket({ ratePerSecond: options.completionRatePerSecond ?? 10 });
  const client: KyInstance = ky.create({
    baseUrl: base,
    timeout: options.timeoutMs ?? 8000,
    headers: { accept: 'application/json' },
    retry: {
      limit: options.retries ?? 2,
      methods: ['get'],
      statusCodes: [429, 503],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterMs,
      shouldRetry: ({ error }) => {
        const response = httpResponseOf(error);
        if (!response) return undefined;
        const after = parseRetryAfter(response.headers.get('retry-after'));
        return after !== undefined && after > maxRetryAfterMs ? false : undefined;
      },
    },
  });

  const get = async (bucket: TokenBucket, path: string, searchParams: Record<string, string | number>, signal?: AbortSignalLike): Promise<unknown> => {
    await bucket.take(signal);
    let text: string;
    try {
      text = await client
        .get(path, {
          searchParams,
          ...(signal ? { signal } : {}),
          hooks: { beforeRetry: [async () => { await bucket.take(signal); }] },
        })
        .text();
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      throw toGeocoderError(error);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new GeocoderError('invalid-response', `Geocoder answer to /${path} is not JSON`, { cause: error });
    }
  };

  const features = (path: string, body: unknown): GeocodeResult[] => {
    const parsed = FeatureCollection.safeParse(body);
    if (!parsed.success) throw new GeocoderError('invalid-response', `Unexpected geocoder answer to /${path}: ${describeIssues(parsed.error)}`, { cause: parsed.error });
    return parsed.data.features.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const type = f.properties.type ?? '';
      return compact({
        label: f.properties.label,
        point: { lat, lon },
        kind: KINDS.includes(type as GeocodeKind) ? (type as GeocodeKind) : 'other',
        score: Math.min(1, f.properties.score),
        postcode: f.properties.postcode,
        inseeCode: f.properties.citycode,
        commune: f.properties.city,
      });
    });
  };

  return {
    async search(query, opts: GeocodeSearchOptions = {}) {
      const params: Record<string, string | number> = { q: query, index: 'address', limit: opts.limit ?? 5 };
      if (opts.kind) params.type = opts.kind;
      if (opts.postcode) params.postcode = opts.postcode;
      if (opts.inseeCode) params.citycode = opts.inseeCode;
      if (opts.near) {
        params.lat = opts.near.lat;
        params.lon = opts.near.lon;
      }
      return features('search', await get(searchBucket, 'search', params, opts.signal));
    },
    async reverse(point, opts: GeocodeCallOptions = {}) {
      const params = { lat: point.lat, lon: point.lon, index: 'address', limit: opts.limit ?? 5 };
      return features('reverse', await get(searchBucket, 'reverse', params, opts.signal));
    },
    async complete(text, opts: GeocodeCallOptions = {}) {
      const params = { text, type: 'StreetAddress,PositionOfInterest', maximumResponses: opts.limit ?? 5 };
      const body = await get(completionBucket, 'completion', params, opts.signal);
      const parsed = Completion.safeParse(body);
      if (!parsed.success) throw new GeocoderError('invalid-response', `Unexpected geocoder answer to /completion: ${describeIssues(parsed.error)}`, { cause: parsed.error });
      const n = parsed.data.results.length;
      return parsed.data.results.map((r, i) => {
        const poi = r.country === 'PositionOfInterest';
        const municipality = poi && (r.kind === 'commune' || (r.poiType ?? []).includes('commune'));
        return compact({
          label: r.fulltext,
          point: { lat: r.y, lon: r.x },
          kind: municipality ? 'municipality' : poi ? 'poi' : /^\d/.test(r.fulltext) ? 'housenumber' : 'street',
          score: Math.round((1 - i / n) * 1000) / 1000,
          postcode: r.zipcode,
          commune: r.city,
        });
      });
    },
  };
}

/** The response of a ky `HTTPError`, read structurally (core has no DOM types). */
function httpResponseOf(error: unknown): ResponseLike | undefined {
  if (!(error instanceof Error) || error.name !== 'HTTPError') return undefined;
  const response = (error as { response?: unknown }).response;
  return typeof response === 'object' && response !== null && typeof (response as { status?: unknown }).status === 'number'
    ? (response as ResponseLike)
    : undefined;
}

function toGeocoderError(error: unknown): GeocoderError {
  if (error instanceof GeocoderError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return new GeocoderError('timeout', 'Geocoder did not answer in time', { cause: error });
  const response = httpResponseOf(error);
  if (response) {
    const status = response.status;
    const data: unknown = (error as { data?: unknown }).data;
    const serviceMessage =
      typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string'
        ? (data as { message: string }).message
        : undefined;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return new GeocoderError('rate-limited', 'Geocoder rate limit reached (HTTP 429)', {
        status,
        cause: error,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    return new GeocoderError('http', `Geocoder answered HTTP ${String(status)}${serviceMessage ? `: ${serviceMessage}` : ''}`, { status, cause: error });
  }
  return new GeocoderError('network', error instanceof Error ? `Geocoder unreachable: ${error.message}` : 'Geocoder unreachable', { cause: error });
}
