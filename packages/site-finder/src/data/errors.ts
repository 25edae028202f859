import { RspError } from '@rsp/core/errors.js';
import type { ImportIssue } from '@rsp/core/import.js';

/**
 * Why the site finder could not get its data:
 * - `network`: the server or file could not be reached (offline, DNS, timeout);
 * - `http`: it answered with an error status (`status` says which);
 * - `format`: it answered, but with something that is not a list of sites the finder can read;
 * - `empty`: the data was read but holds no site.
 */
export type FinderDataErrorKind = 'network' | 'http' | 'format' | 'empty';

/** Options of {@link FinderDataError}. */
export interface FinderDataErrorOptions {
  /** The HTTP status, for `http`. */
  readonly status?: number;
  /** What the import said, for `format` and `empty` from a static file. */
  readonly issues?: readonly ImportIssue[];
  readonly cause?: unknown;
}

const WORDS: Readonly<Record<FinderDataErrorKind, { readonly fr: string; readonly en: string }>> = {
  network: {
    fr: 'Les lieux n’ont pas pu être chargés : le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    en: 'The places could not be loaded: the server does not answer. Check your connection and try again.',
  },
  http: {
    fr: 'Les lieux n’ont pas pu être chargés : le serveur a répondu par une erreur.',
    en: 'The places could not be loaded: the server answered with an error.',
  },
  format: {
    fr: 'Les données reçues ne sont pas une liste de lieux lisible (GeoJSON, liste France Services ou médiation numérique).',
    en: 'The data received is not a readable list of places (GeoJSON, France Services list or médiation numérique).',
  },
  empty: {
    fr: 'Les données ont été lues mais ne contiennent aucun lieu.',
    en: 'The data was read but holds no place.',
  },
};

/**
 * The data of the site finder could not be loaded. `kind` says why, `messageFr`
 * and `messageEn` say it in plain words for the page (the UI shows one of them with
 * a retry button); `message` is the English one, with the technical detail.
 */
export class FinderDataError extends RspError {
  override name = 'FinderDataError' as const;
  readonly kind: FinderDataErrorKind;
  /** The HTTP status, for `http`. */
  readonly status: number | undefined;
  /** The import issues behind a `format` or `empty` error from a static file. */
  readonly issues: readonly ImportIssue[];
  /** Plain French words for the user. */
  readonly messageFr: string;
  /** Plain English words for the user. */
  readonly messageEn: string;

  constructor(kind: FinderDataErrorKind, detail: string, options: FinderDataErrorOptions = {}) {
    const words = WORDS[kind];
    const status = options.status;
    const statusFr = status === undefined ? '' : ` (code ${String(status)})`;
    const statusEn = status === undefined ? '' : ` (status ${String(status)})`;
    super(`${words.en}${statusEn} ${detail}`.trim(), options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = status;
    this.issues = options.issues ?? [];
    this.messageFr = kind === 'http' ? words.fr.replace(/\.$/, `${statusFr}.`) : words.fr;
    this.messageEn = kind === 'http' ? words.en.replace(/\.$/, `${statusEn}.`) : words.en;
  }

  /** The plain message in a language. */
  messageIn(locale: 'fr' | 'en'): string {
    return locale === 'fr' ? this.messageFr : this.messageEn;
  }
}

/** Whether a value is a {@link FinderDataError}, also one from another copy of RSP Kit. */
export function isFinderDataError(value: unknown): value is FinderDataError {
  if (value instanceof FinderDataError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { name?: unknown; kind?: unknown; messageFr?: unknown };
  return v.name === 'FinderDataError' && typeof v.kind === 'string' && typeof v.messageFr === 'string';
}

/** What a cancelled loading rejects with: the signal's reason, or an AbortError. */
export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
