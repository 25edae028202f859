import { RspError } from '../errors.js';
import type { LatLon } from './distance.js';
import type { AbortSignalLike } from './platform.js';

/** What a geocoding result is. */
export type GeocodeKind = 'housenumber' | 'street' | 'locality' | 'municipality' | 'poi' | 'other';

/** One geocoding answer, whatever the service. */
export interface GeocodeResult {
  /** Full label to show: "12 Rue de la Paix 46300 Gourdon". */
  readonly label: string;
  readonly point: LatLon;
  readonly kind: GeocodeKind;
  readonly postcode?: string;
  /** The commune's INSEE code. */
  readonly inseeCode?: string;
  readonly commune?: string;
  /** Relevance in [0, 1] as the service gives it (see each adapter for its meaning). */
  readonly score: number;
}

/** Options common to every geocoder call. */
export interface GeocodeCallOptions {
  /** How many results at most. Default 5. */
  readonly limit?: number;
  /** Aborts the call: it then rejects with `signal.reason` (not a {@link GeocoderError}). */
  readonly signal?: AbortSignalLike;
}

/** Options of {@link Geocoder.search}. */
export interface GeocodeSearchOptions extends GeocodeCallOptions {
  /** Only this kind of result. */
  readonly kind?: 'housenumber' | 'street' | 'locality' | 'municipality';
  readonly postcode?: string;
  /** Only in this commune (INSEE code). */
  readonly inseeCode?: string;
  /** Favour results near this point. */
  readonly near?: LatLon;
}

/** A geocoding service: addresses to points, points to addresses, and completion as one types. */
export interface Geocoder {
  /** Addresses, streets, localities or communes matching a free text. */
  search(query: string, options?: GeocodeSearchOptions): Promise<GeocodeResult[]>;
  /** The addresses nearest to a point, nearest first. */
  reverse(point: LatLon, options?: GeocodeCallOptions): Promise<GeocodeResult[]>;
  /** Suggestions for a partly typed address or place, for an autocomplete field. */
  complete(text: string, options?: GeocodeCallOptions): Promise<GeocodeResult[]>;
}

/** Why a geocoder call failed. */
export type GeocoderErrorKind = 'network' | 'timeout' | 'http' | 'rate-limited' | 'invalid-response';

/** Options of the {@link GeocoderError} constructor. */
export interface GeocoderErrorOptions {
  /** HTTP status, for `http` and `rate-limited`. */
  readonly status?: number;
  /** What the service's `Retry-After` asked for, in ms, for `rate-limited`. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/** A geocoder call that failed; `kind` says why, in a way a program can act on. */
export class GeocoderError extends RspError {
  override name = 'GeocoderError' as const;
  readonly kind: GeocoderErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(kind: GeocoderErrorKind, message: string, options: GeocoderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

const KINDS: readonly string[] = ['network', 'timeout', 'http', 'rate-limited', 'invalid-response'];

/** Whether a value is a {@link GeocoderError}, even one from another copy of RSP Kit. */
export function isGeocoderError(value: unknown): value is GeocoderError {
  return (
    value instanceof GeocoderError ||
    (value instanceof Error && value.name === 'GeocoderError' && KINDS.includes((value as { kind?: unknown }).kind as string))
  );
}
