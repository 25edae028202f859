import { createClient, isHttpError, isNetworkError, isResponseValidationError, isTimeoutError } from '@rsp/core/client.js';
import type { ApiClient, SiteFilters } from '@rsp/core/client.js';
import { importFranceServicesCsv, importFranceServicesGeojson, importMediationNumerique, parseCsv } from '@rsp/core/import.js';
import type { ImportIssue } from '@rsp/core/import.js';
import { describeIssues, Site, VenueKind } from '@rsp/core/schemas.js';
import type { Agency } from '@rsp/core/schemas.js';
import { FinderDataError } from './errors.js';
import { nationalAgencies, toFinderSite } from './sites.js';
import type { FinderData, FinderSite, FinderSourceKind } from './types.js';

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

/** Options of {@link agencyMembers} and {@link serviceMembers}. */
export interface MembersOptions {
  readonly fetch?: typeof fetch | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly locale?: 'fr' | 'en' | undefined;
}

/** The API's page size limit. */
const PAGE = 500;

function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** An API client error as a FinderDataError; an abort is passed through as it is. */
function fromApiError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return abortReason(signal);
  if (isNetworkError(error) || isTimeoutError(error)) return new FinderDataError('network', error.message, { cause: error });
  if (isHttpError(error)) return new FinderDataError('http', error.message, { status: error.status, cause: error });
  if (isResponseValidationError(error)) return new FinderDataError('format', error.message, { cause: error });
  return error;
}

function clientOf(apiBase: string, options: MembersOptions): ApiClient {
  return createClient({
    baseUrl: apiBase,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
}

/** Every site of `GET /api/sites` with these filters, 500 at a time until `total`. */
async function allSites(client: ApiClient, filters: SiteFilters, signal: AbortSignal | undefined): Promise<Site[]> {
  const sites: Site[] = [];
  for (let offset = 0; ; ) {
    const page = await client.sites({ ...filters, limit: PAGE, offset }, signal ? { signal } : {});
    for (const item of page.items) sites.push(item.site);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return sites;
  }
}

async function loadFromApi(apiBase: string, source: FinderSource): Promise<FinderData> {
  const client = clientOf(apiBase, source);
  const signal = source.signal;
  let sites: Site[];
  let agencies: Agency[];
  try {
    [sites, agencies] = await Promise.all([allSites(client, {}, signal), client.partners(signal ? { signal } : {})]);
  } catch (error) {
    throw fromApiError(error, signal);
  }
  if (signal?.aborted) throw abortReason(signal);
  if (sites.length === 0) throw new FinderDataError('empty', `GET ${apiBase} api/sites: no site.`);
  // The list has no conventions: partners stay empty, agency and service filters go through agencyMembers.
  const finderSites = sites.map((site) => toFinderSite(site, []));
  return { source: 'api', sites: finderSites, agencies: sortAgencies(agencies), issues: [] };
}

function sortAgencies(agencies: readonly Agency[]): Agency[] {
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return [...agencies].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const issue = (row: number, field: string, severity: ImportIssue['severity'], code: string, en: string, fr: string, value?: string): ImportIssue =>
  value === undefined ? { row, field, severity, code, message: en, messageFr: fr } : { row, field, severity, code, message: en, messageFr: fr, value };

/**
 * Reads a FeatureCollection of Point features that is not the 2020 France Services
 * file: the API's `SiteFeatureCollection` (`properties` `{ name, venueKind, commune,
 * postcode }`), or features whose `properties` are whole `Site` records (with an
 * `address`). Each feature is checked against `Site`; a bad one is an error issue.
 */
export function importPointFeatures(data: Json): { sites: Site[]; issues: ImportIssue[] } {
  const sites: Site[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const features = Array.isArray(data.features) ? (data.features as unknown[]) : [];
  features.forEach((feature, index) => {
    const row = index + 1;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      issues.push(issue(row, '', 'error', 'geojson.feature', 'This item is not a GeoJSON Feature.', 'Cet élément n’est pas une Feature GeoJSON.'));
      return;
    }
    const props = isRecord(feature.properties) ? feature.properties : {};
    const geometry = isRecord(feature.geometry) ? feature.geometry : undefined;
    const coords = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? (geometry.coordinates as unknown[]) : undefined;
    const lon = coords?.[0];
    const lat = coords?.[1];
    const rawId = feature.id ?? props.id;
    const id = typeof rawId === 'number' ? String(rawId) : rawId;
    let input: Json;
    if (isRecord(props.address)) {
      input = { ...props, id };
    } else {
      let venueKind: unknown = props.venueKind ?? 'other';
      if (!VenueKind.safeParse(venueKind).success) {
        issues.push(
          issue(row, 'venueKind', 'warning', 'venueKind', 'Unknown venue kind; "other" is used.', 'Type de lieu inconnu ; « autre » est retenu.', String(venueKind)),
        );
        venueKind = 'other';
      }
      input = { id, name: props.name, venueKind, address: { postcode: props.postcode, commune: props.commune } };
    }
    delete input.distanceKm;
    if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) input.coordinates = { lat, lon };
    else if (!isRecord(input.coordinates)) {
      issues.push(issue(row, 'geometry', 'warning', 'geometry', 'No usable point: the site is kept without a position.', 'Pas de point utilisable : le lieu est gardé sans position.'));
    }
    const parsed = Site.safeParse(input);
    if (!parsed.success) {
      const en = describeIssues(parsed.error.issues, 'en');
      const fr = describeIssues(parsed.error.issues, 'fr');
      issues.push(
        issue(
          row,
          en[0]?.path ?? '',
          'error',
          'site.invalid',
          `Not a valid site: ${en.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.`,
          `Lieu non valide : ${fr.map((i) => (i.path ? `${i.path} : ${i.message}` : i.message)).join(' ; ')}.`,
        ),
      );
      return;
    }
    if (seen.has(parsed.data.id)) {
      issues.push(issue(row, 'id', 'error', 'id.duplicate', 'This id was already used: the feature is skipped.', 'Cet identifiant est déjà pris : l’élément est ignoré.', parsed.data.id));
      return;
    }
    seen.add(parsed.data.id);
    sites.push(parsed.data);
  });
  return { sites, issues };
}

/** Which reader a text needs, from its first bytes and header row (not its file name). */
export type SniffedFormat =
  | { readonly kind: 'json'; readonly data: unknown }
  | { readonly kind: 'france-services-csv' }
  | { readonly kind: 'mediation-numerique-csv' }
  | { readonly kind: 'unknown'; readonly why: string };

/** Recognises a static file by content: JSON (object or list), or a CSV by its header row. */
export function sniffFormat(text: string): SniffedFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart();
  if (start === '') return { kind: 'unknown', why: 'empty file' };
  const first = start[0];
  if (first === '{' || first === '[') {
    try {
      return { kind: 'json', data: JSON.parse(start) as unknown };
    } catch (error) {
      return { kind: 'unknown', why: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (first === '<') return { kind: 'unknown', why: 'an HTML or XML page, not data' };
  const end = start.search(/\r?\n/);
  const headerLine = end === -1 ? start : start.slice(0, end);
  const header = new Set(parseCsv(headerLine).header.map((name) => name.trim().toLowerCase()));
  if (header.has('id_fs') && header.has('lib_fs')) return { kind: 'france-services-csv' };
  if (header.has('nom') && header.has('code_postal') && (header.has('pivot') || header.has('typologie') || header.has('horaires'))) {
    return { kind: 'mediation-numerique-csv' };
  }
  return { kind: 'unknown', why: 'the header row is neither the France Services list nor the médiation numérique schema' };
}

/** Reads the text of a static file into sites, by content. Throws a `format` FinderDataError when unreadable. */
export function readStaticText(text: string): { source: FinderSourceKind; sites: Site[]; issues: ImportIssue[] } {
  const sniffed = sniffFormat(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (sniffed.kind) {
    case 'france-services-csv':
      return { source: 'france-services-csv', ...importFranceServicesCsv(body) };
    case 'mediation-numerique-csv': {
      const { sites, issues } = importMediationNumerique(body, { format: 'csv' });
      return { source: 'mediation-numerique', sites, issues };
    }
    case 'json': {
      const data = sniffed.data;
      if (Array.isArray(data)) {
        const { sites, issues } = importMediationNumerique(data, { format: 'json' });
        return { source: 'mediation-numerique', sites, issues };
      }
      if (isRecord(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) {
        const features = data.features as unknown[];
        const france2020 = features.some((f) => isRecord(f) && isRecord(f.properties) && ('MATRICULE' in f.properties || 'lib_france_services' in f.properties));
        if (france2020) return { source: 'geojson', ...importFranceServicesGeojson(data) };
        return { source: 'geojson', ...importPointFeatures(data) };
      }
      throw new FinderDataError('format', 'JSON that is neither a GeoJSON FeatureCollection nor a list of places.');
    }
    case 'unknown':
      throw new FinderDataError('format', `Unrecognised file: ${sniffed.why}.`);
  }
}

async function loadFromFile(src: string, source: FinderSource): Promise<FinderData> {
  const signal = source.signal;
  const doFetch = source.fetch ?? globalThis.fetch.bind(globalThis);
  let text: string;
  let status: number;
  try {
    const response = await doFetch(src, signal ? { signal } : {});
    status = response.status;
    if (!response.ok) throw new FinderDataError('http', `GET ${src}`, { status });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if (error instanceof FinderDataError) throw error;
    throw new FinderDataError('network', `GET ${src}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (signal?.aborted) throw abortReason(signal);
  const { source: kind, sites, issues } = readStaticText(text);
  if (sites.length === 0) {
    const fatal = issues.some((i) => i.row === 0 && i.severity === 'error');
    throw new FinderDataError(fatal ? 'format' : 'empty', `${src}: no site read (${String(issues.length)} issue(s)).`, { issues });
  }
  const finderSites: FinderSite[] = sites.map((site) => toFinderSite(site));
  const labelled = finderSites.some((s) => s.partners.length > 0);
  return { source: kind, sites: finderSites, agencies: labelled ? sortAgencies(nationalAgencies()) : [], issues };
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
  if (source.apiBase !== undefined && source.apiBase !== '') return loadFromApi(source.apiBase, source);
  if (source.src !== undefined && source.src !== '') return loadFromFile(source.src, source);
  throw new FinderDataError('format', 'No data source: give apiBase or src.');
}

const memberCache = new Map<string, ReadonlySet<string>>();

async function members(apiBase: string, filters: SiteFilters, key: string, options: MembersOptions): Promise<ReadonlySet<string>> {
  const cacheKey = `${apiBase}\u0000${key}`;
  const known = memberCache.get(cacheKey);
  if (known) return known;
  if (options.signal?.aborted) throw abortReason(options.signal);
  let sites: Site[];
  try {
    sites = await allSites(clientOf(apiBase, options), filters, options.signal);
  } catch (error) {
    throw fromApiError(error, options.signal);
  }
  const set: ReadonlySet<string> = new Set(sites.map((s) => s.id));
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
