// Loading the finder's data. This module is in every page's bundle, so it holds
// no importer and no API client: `src` imports ./static-file.js and `apiBase`
// imports ./api.js on demand (separate chunks in the CDN bundle, fetched next to
// it, relative to its URL).
import type { SiteDetail, SiteFilters } from '@rsp/core/client.js';
import type * as Api from './api.js';
import { abortReason, FinderDataError } from './errors.js';
import type * as StaticFile from './static-file.js';
import type { FinderData } from './types.js';

/** Where the finder's data comes from: the RSP Kit API, or a static file. */
export interface FinderSource {
  /** Base URL of the RSP Kit API (`https://rsp.example.fr/`, `/`). Wins over `src`. */
  readonly apiBase?: string | undefined;
  /** URL of a static file: GeoJSON, the national France Services CSV, or a médiation numérique CSV/JSON. */
  readonly src?: string | undefined;
  /** The `fetch` to use (default: the global one). */
  readonly fetch?: typeof fetch | undefined;
  /** Cancels the loading; the promise then rejects with the signal's reason (not a FinderDataError). */
  readonly signal?: AbortSignal | undefined;
  /** Language of the API's and the client's messages. Default `fr`. */
  readonly locale?: 'fr' | 'en' | undefined;
}

/** Options of {@link agencyMembers}, {@link serviceMembers} and {@link loadSiteDetail}. */
export interface MembersOptions {
  readonly fetch?: typeof fetch | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly locale?: 'fr' | 'en' | undefined;
}

async function loadFromFile(src: string, source: FinderSource): Promise<FinderData> {
  const signal = source.signal;
  const doFetch = source.fetch ?? globalThis.fetch.bind(globalThis);
  let text: string;
  let reader: typeof StaticFile;
  try {
    // The reader (a chunk of its own in the CDN bundle) is fetched alongside the file.
    let response: Response;
    [response, reader] = await Promise.all([doFetch(src, signal ? { signal } : {}), import('./static-file.js')]);
    if (!response.ok) throw new FinderDataError('http', `GET ${src}`, { status: response.status });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if (error instanceof FinderDataError) throw error;
    throw new FinderDataError('network', `GET ${src}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (signal?.aborted) throw abortReason(signal);
  return reader.finderDataFromText(src, text);
}

/** The API module, imported on first use; a failure to fetch it is a `network` FinderDataError. */
async function api(): Promise<typeof Api> {
  try {
    return await import('./api.js');
  } catch (error) {
    throw new FinderDataError('network', `The API client could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Loads the finder's data, from the API (`apiBase`: every page of `GET /api/sites`
 * and `GET /api/partners`) or from a static file (`src`, recognised by its content:
 * the 2020 France Services GeoJSON, a plain FeatureCollection of points such as the
 * API's `SiteFeatureCollection`, the national France Services CSV, or the médiation
 * numérique CSV or JSON). Import issues of a file come back in `issues`.
 *
 * @throws {FinderDataError} `network`, `http`, `format` or `empty`, with plain fr/en words.
 *   An abort rejects with the signal's reason instead.
 */
export async function loadFinderData(source: FinderSource): Promise<FinderData> {
  if (source.signal?.aborted) throw abortReason(source.signal);
  if (source.apiBase !== undefined && source.apiBase !== '') {
    const { loadFromApi } = await api();
    if (source.signal?.aborted) throw abortReason(source.signal);
    return loadFromApi(source.apiBase, source);
  }
  if (source.src !== undefined && source.src !== '') return loadFromFile(source.src, source);
  throw new FinderDataError('format', 'No data source: give apiBase or src.');
}

const memberCache = new Map<string, ReadonlySet<string>>();

async function members(apiBase: string, filters: SiteFilters, key: string, options: MembersOptions): Promise<ReadonlySet<string>> {
  const cacheKey = `${apiBase}\u0000${key}`;
  const known = memberCache.get(cacheKey);
  if (known) return known;
  if (options.signal?.aborted) throw abortReason(options.signal);
  const set = await (await api()).memberIds(apiBase, filters, options);
  memberCache.set(cacheKey, set);
  return set;
}

/**
 * API mode: the ids of the sites with a convention with an agency
 * (`GET /api/sites?agency=…`, every page), to pass as `members` to
 * `FinderIndex.query` with the agency filter. Kept per API and agency once
 * loaded (a failed or aborted call is not kept).
 *
 * @throws {FinderDataError} as {@link loadFinderData}.
 */
export function agencyMembers(apiBase: string, agencyId: string, options: MembersOptions = {}): Promise<ReadonlySet<string>> {
  return members(apiBase, { agency: agencyId }, `agency:${agencyId}`, options);
}

/**
 * API mode: the ids of the sites offering a service (`GET /api/sites?service=…`:
 * a sector or national partner code), for the service filter, as {@link agencyMembers}.
 */
export function serviceMembers(apiBase: string, service: string, options: MembersOptions = {}): Promise<ReadonlySet<string>> {
  return members(apiBase, { service }, `service:${service}`, options);
}

/** Forgets the sites kept by {@link agencyMembers} and {@link serviceMembers} (after the data changed). */
export function clearMemberCache(): void {
  memberCache.clear();
}

/**
 * API mode: one site's detail (`GET /api/sites/{id}`: partners, conventions,
 * services), loading the API client on first use as {@link loadFinderData} does.
 *
 * @throws {FinderDataError} as {@link loadFinderData}; an abort rejects with the signal's reason.
 */
export async function loadSiteDetail(apiBase: string, siteId: string, options: MembersOptions = {}): Promise<SiteDetail> {
  if (options.signal?.aborted) throw abortReason(options.signal);
  return (await api()).siteDetailOf(apiBase, siteId, options);
}
