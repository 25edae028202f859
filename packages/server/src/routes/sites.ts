import { charterProfiles, franceServices2019 } from '@rsp/core/charter.js';
import { SiteDetail, SiteList } from '@rsp/core/client.js';
import type { SiteFeature } from '@rsp/core/client.js';
import { AgencySector, Id, NationalPartner, VenueKind } from '@rsp/core/schemas.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint, EndpointResult } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import { hoursAt, siteCharter } from '../sites/detail.js';
import { readGeoQuery, searchSites } from '../sites/search.js';

/** GeoJSON's media type (RFC 7946). */
export const GEO_JSON = 'application/geo+json';

/** How long a shared cache or the browser may reuse a site read. */
const SITE_CACHE = 'public, max-age=60';

/** `true` or `false` in a query string. */
const flag = z.enum(['true', 'false']);

/** A non-negative whole number in a query string; an empty value counts as absent. */
const count = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int('rsp.integer').min(0, 'rsp.nonNegative').max(max, 'rsp.tooBig').optional());

/** The query of `GET /api/sites`; see docs/api.md. */
export const SiteListQuery = z.strictObject({
  agency: z.optional(Id).describe('Sites with a convention with this agency id'),
  service: z
    .enum([...AgencySector.options, ...NationalPartner.options])
    .optional()
    .describe('Sites with a convention with an agency of this sector or of this France Services national partner'),
  venueKind: z.optional(VenueKind),
  openNow: flag.optional().describe('`true`: only sites open now (Europe/Paris); unknown hours left out'),
  visio: flag.optional().describe('`true`: only sites with a visio-guichet station (equipment, or a visio convention when the equipment does not say)'),
  near: z.string().optional().describe('`lat,lon` (WGS 84): nearest first, with distanceKm'),
  radius: z.string().optional().describe('With near: at most this many kilometres'),
  bbox: z.string().optional().describe('`west,south,east,north` in degrees'),
  limit: count(500).describe('Page size, default 50'),
  offset: count(1_000_000),
});

/** The query of `GET /api/sites/{id}`. */
export const SiteDetailQuery = z.strictObject({ charter: z.enum(Object.keys(charterProfiles) as [string, ...string[]]).optional() });

/** The quality an `Accept` header gives a media type (exact match only), 0 when absent. */
function quality(header: string, type: string): number {
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== type) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined ? 1 : Number(q);
  }
  return 0;
}

/** Whether the caller asked for GeoJSON rather than JSON. */
export function wantsGeoJson(accept: string | null): boolean {
  if (!accept) return false;
  const geo = quality(accept, GEO_JSON);
  return geo > 0 && geo >= quality(accept, 'application/json');
}

/**
 * The site endpoints of docs/api.md, read from the in-memory catalog (no SQL
 * per request):
 *
 * - `GET /api/sites`: filters `agency` (a convention with this agency),
 *   `service` (an agency sector — `social`, `employment-training`, `other` —
 *   or a France Services national partner code — `cnaf`, `msa`,
 *   `france-travail`…: sites with a convention with such an agency; the data
 *   model has no service field on sites, and what a site offers is what its
 *   partners offer), `venueKind`, `openNow=true` (open at the request's
 *   instant in Europe/Paris; unknown or unreadable hours left out),
 *   `visio=true` (a visio-guichet station: `equipment.visioStation`, or, when
 *   the equipment does not say, a convention with `visio: true`), `near`
 *   (nearest first with `distanceKm`, sites without coordinates left out;
 *   with `radius` in km), `bbox`, `limit` (default 50, at most 500) and
 *   `offset`. Without `near` the order is the catalog's (by id). `Accept:
 *   application/geo+json` gives a `SiteFeatureCollection` of the same page,
 *   sites without coordinates left out before paging.
 * - `GET /api/sites/{id}`: a `SiteDetail` with its charter status against
 *   `france-services-2019`, or the profile of the `charter` parameter.
 */
export const siteEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'GET',
    path: '/api/sites',
    tag: 'sites',
    summary: 'Sites matching filters, near a point or inside a box, as JSON or GeoJSON.',
    query: SiteListQuery,
    produces: ['application/json', GEO_JSON],
    answers: {
      200: { description: 'A page of sites, `SiteList`; with `Accept: application/geo+json`, a `SiteFeatureCollection` of the same page', schema: SiteList },
    },
    handle({ query, locale, catalog: snapshot, services, headers }): EndpointResult {
      const geo = readGeoQuery(query, locale);
      if (!geo.ok) {
        throw new ApiProblem(
          'bad-request',
          { fr: 'Des paramètres géographiques de la requête sont invalides.', en: 'Some geographic query parameters are invalid.' },
          { errors: geo.errors },
        );
      }
      const asGeoJson = wantsGeoJson(headers.get('accept'));
      const result = searchSites(snapshot, {
        ...geo.value,
        agency: query.agency,
        service: query.service,
        venueKind: query.venueKind,
        openNow: query.openNow === 'true',
        visio: query.visio === 'true',
        located: asGeoJson,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
        now: services.now(),
      });
      const cache = { 'Cache-Control': SITE_CACHE, Vary: 'Accept, Accept-Language' };
      if (!asGeoJson) return ok({ total: result.total, items: result.items }, 200, cache);
      const features: SiteFeature[] = result.items.flatMap(({ site, distanceKm }) =>
        site.coordinates
          ? [
              {
                type: 'Feature' as const,
                id: site.id,
                geometry: { type: 'Point' as const, coordinates: [site.coordinates.lon, site.coordinates.lat] as [number, number] },
                properties: {
                  name: site.name,
                  venueKind: site.venueKind,
                  commune: site.address.commune,
                  postcode: site.address.postcode,
                  ...(distanceKm === undefined ? {} : { distanceKm }),
                },
              },
            ]
          : [],
      );
      return { status: 200, body: { type: 'FeatureCollection', features }, contentType: GEO_JSON, headers: cache };
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/sites/{id}',
    tag: 'sites',
    summary: 'One site with its conventions, hours now and charter status.',
    params: z.strictObject({ id: Id }),
    query: SiteDetailQuery,
    answers: { 200: { description: 'The site as a detail page shows it', schema: SiteDetail } },
    problems: [404],
    handle({ params, query, locale, catalog: snapshot, services }) {
      const site = snapshot.siteById.get(params.id);
      if (!site) throw new ApiProblem('not-found', { fr: `Aucun site n’a l’identifiant « ${params.id} ».`, en: `No site has the id "${params.id}".` });
      const now = services.now();
      const profile = (query.charter === undefined ? undefined : charterProfiles[query.charter]) ?? franceServices2019;
      const detail: SiteDetail = {
        site,
        conventions: [...(snapshot.conventionsBySite.get(site.id) ?? [])],
        hours: hoursAt(snapshot, site, now),
        charter: siteCharter(snapshot, site, profile, now, locale),
      };
      return ok(detail, 200, { 'Cache-Control': SITE_CACHE });
    },
  }),
];
