// The finder's side of the RSP Kit API: every page of `GET /api/sites`, the
// partners, a site's detail. Core's client (ky and the answers' zod schemas)
// is only needed by a page that reads the API: load.ts imports this module
// only when given an `apiBase` (in the CDN bundle, a chunk loaded on demand).
import { createClient, isHttpError, isNetworkError, isResponseValidationError, isTimeoutError } from '@rsp/core/client.js';
import type { ApiClient, SiteDetail, SiteFilters } from '@rsp/core/client.js';
import type { Agency, Site } from '@rsp/core/schemas.js';
import { abortReason, FinderDataError } from './errors.js';
import type { FinderSource, MembersOptions } from './load.js';
import { sortAgencies, toFinderSite } from './sites.js';
import type { FinderData } from './types.js';

/** The API's page size limit. */
const PAGE = 500;

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

/** {@link loadFinderData} from the API: every page of `GET /api/sites` and `GET /api/partners`. */
export async function loadFromApi(apiBase: string, source: FinderSource): Promise<FinderData> {
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

/** The ids of every site of `GET /api/sites` with these filters. */
export async function memberIds(apiBase: string, filters: SiteFilters, options: MembersOptions): Promise<ReadonlySet<string>> {
  try {
    const sites = await allSites(clientOf(apiBase, options), filters, options.signal);
    return new Set(sites.map((s) => s.id));
  } catch (error) {
    throw fromApiError(error, options.signal);
  }
}

/** `GET /api/sites/{id}`: a site with its partners, conventions and what it offers. */
export async function siteDetailOf(apiBase: string, siteId: string, options: MembersOptions): Promise<SiteDetail> {
  try {
    return await clientOf(apiBase, options).site(siteId, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    throw fromApiError(error, options.signal);
  }
}
