import { charterProfiles, franceServices2019 } from '@rsp/core/charter.js';
import { ApiNetworkAudit } from '@rsp/core/client.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import { networkAudit } from '../sites/detail.js';

/** The query of `GET /api/audit`: a charter profile id (default `france-services-2019`). */
export const AuditQuery = z.strictObject({ charter: z.string().max(200, 'rsp.tooLong').optional() });

/**
 * `GET /api/audit?charter=` (coordinator or admin token): the charter audit
 * of every site of the network, as `auditNetwork` of `@rsp/core/charter.js`
 * computes it over the catalog (sites, agencies, conventions), hours judged
 * on the typical week of the quarter starting with the current week, reasons
 * in the request's language. `charter` is a profile id (`rsp-2006`,
 * `france-services-2019`, the default); `404` for an unknown one.
 */
export const auditEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'GET',
    path: '/api/audit',
    tag: 'reports',
    summary: 'The charter audit of the whole network (coordinator).',
    roles: ['coordinator', 'admin'],
    query: AuditQuery,
    answers: { 200: { description: 'The network’s audit, as auditNetwork computes it', schema: ApiNetworkAudit } },
    problems: [404],
    handle({ query, locale, catalog: snapshot, services }) {
      const id = query.charter ?? franceServices2019.id;
      const profile = Object.hasOwn(charterProfiles, id) ? charterProfiles[id] : undefined;
      if (!profile) {
        const known = Object.keys(charterProfiles).join(', ');
        throw new ApiProblem('not-found', {
          fr: `La charte « ${id} » est inconnue ; chartes connues : ${known}.`,
          en: `The charter "${id}" is unknown; known charters: ${known}.`,
        });
      }
      return ok(networkAudit(snapshot, profile, services.now(), locale), 200, { 'Cache-Control': 'private, no-cache' });
    },
  }),
];
