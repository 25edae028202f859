import { Booking, Id, IsoDate } from '@rsp/core/schemas.js';
import { addDaysToDate, parisDate, startOfParisDay } from '@rsp/core/time.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import { siteBookings } from '../db/bookings.js';

/** The query of `GET /api/agenda`: a site and a day (default today, Europe/Paris). */
export const AgendaQuery = z.strictObject({ site: Id, day: z.optional(IsoDate) });

/**
 * `GET /api/agenda?site=&day=` (mediator of that site, coordinator or admin):
 * the site's appointments of one day (Europe/Paris), not cancelled, by start
 * time, so that the mediator at the desk knows who is coming. The records
 * carry the person's name and contact: never public, never cached.
 */
export const agendaEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'GET',
    path: '/api/agenda',
    tag: 'bookings',
    summary: 'A site’s appointments of one day (mediator of that site, coordinator or admin).',
    roles: ['mediator', 'coordinator', 'admin'],
    query: AgendaQuery,
    answers: { 200: { description: 'The day’s appointments at the site, by start time', schema: z.strictObject({ items: z.array(Booking) }) } },
    problems: [403, 404],
    async handle({ query, grant, db, catalog, services }) {
      if (grant?.role === 'mediator' && grant.siteId !== query.site) {
        throw new ApiProblem('forbidden', {
          fr: `Votre jeton de médiateur est celui du site « ${grant.siteId ?? '?'} » : il ne donne pas l’agenda du site « ${query.site} ».`,
          en: `Your mediator token is for the site "${grant.siteId ?? '?'}": it does not give the agenda of the site "${query.site}".`,
        });
      }
      if (!catalog.siteById.has(query.site))
        throw new ApiProblem('not-found', { fr: `Aucun site n’a l’identifiant « ${query.site} ».`, en: `No site has the id "${query.site}".` });
      const day = query.day ?? parisDate(services.now());
      const items = await siteBookings(db, query.site, startOfParisDay(day), startOfParisDay(addDaysToDate(day, 1)));
      return ok({ items }, 200, { 'Cache-Control': 'no-store' });
    },
  }),
];
