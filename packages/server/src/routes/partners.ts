import { ApiSlot } from '@rsp/core/client.js';
import { Agency, Channel, Id, IsoDate, Motif } from '@rsp/core/schemas.js';
import { addDaysToDate, parisDate, startOfParisDay } from '@rsp/core/time.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import { isTargetProblem, needsSite, slotContext } from '../booking/context.js';
import { formatParis, freeSlotsOf } from '../booking/slots.js';
import type { FreeSlot } from '../booking/slots.js';

/** Days listed by `GET /api/slots` without `to`: today and the next 14 days. */
export const DEFAULT_SLOT_DAYS = 14;

const items = <T extends z.core.$ZodType>(item: T) => z.strictObject({ items: z.array(item) });

const MotifQuery = z.strictObject({ agency: Id });

/** `bookable=true`: only the agencies with at least one motif, those a booking form can offer. */
const PartnerQuery = z.strictObject({ bookable: z.optional(z.enum(['true', 'false'])) });

const SlotQuery = z
  .strictObject({
    agency: Id,
    motif: Id,
    site: z.optional(Id),
    channel: z.optional(Channel),
    from: z.optional(IsoDate),
    to: z.optional(IsoDate),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'rsp.endAfterStart', path: ['to'] });

const notFound = (words: { fr: string; en: string }) => new ApiProblem('not-found', words);

/** The partners endpoints of docs/api.md: partners, an agency's motifs, free slots. */
export const partnerEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'GET',
    path: '/api/partners',
    tag: 'partners',
    summary: 'The partner agencies.',
    query: PartnerQuery,
    answers: { 200: { description: 'The partner agencies, by id', schema: items(Agency) } },
    handle({ query, catalog }) {
      const bookable = query.bookable === 'true';
      const agencies = bookable ? catalog.agencies.filter((a) => (catalog.motifsByAgency.get(a.id)?.length ?? 0) > 0) : [...catalog.agencies];
      return ok({ items: agencies.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) });
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/motifs',
    tag: 'partners',
    summary: 'The motifs (kinds of appointment) of an agency.',
    query: MotifQuery,
    answers: { 200: { description: 'The agency’s motifs', schema: items(Motif) } },
    problems: [404],
    handle({ query, catalog }) {
      const agency = catalog.agencyById.get(query.agency);
      if (!agency) throw notFound({ fr: `Aucun partenaire n’a l’identifiant « ${query.agency} ».`, en: `No partner has the id "${query.agency}".` });
      return ok({ items: catalog.motifsByAgency.get(agency.id) ?? [] });
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/slots',
    tag: 'partners',
    summary: 'The free slots of an agency’s motif, at a site or by phone, over some days (Europe/Paris).',
    query: SlotQuery,
    answers: { 200: { description: 'Free slots in time order', schema: items(ApiSlot) } },
    problems: [404],
    async handle({ query, catalog, services, db, locale }) {
      const now = services.now();
      const today = parisDate(now);
      const fromDay = query.from ?? today;
      const toDay = query.to ?? addDaysToDate(fromDay < today ? today : fromDay, DEFAULT_SLOT_DAYS);
      const motif = catalog.motifById.get(query.motif);
      // Without a channel: every channel of the motif that the query allows (on-site and visio need a site).
      // Without a site and no channel but on-site or visio: the first one answers that a site is needed.
      const offered = motif?.channels ?? ['phone'];
      const usable = offered.filter((c) => query.site !== undefined || !needsSite(c));
      const channels = query.channel ? [query.channel] : usable.length > 0 ? usable : offered;
      const from = startOfParisDay(fromDay);
      const to = startOfParisDay(addDaysToDate(toDay, 1));
      const found: { slot: FreeSlot; channel: z.infer<typeof Channel>; siteId: string | undefined }[] = [];
      for (const channel of channels) {
        const context = slotContext(catalog, { agencyId: query.agency, motifId: query.motif, siteId: query.site, channel });
        if (isTargetProblem(context)) {
          const path = { agencyId: 'agency', motifId: 'motif', siteId: 'site', channel: 'channel' }[context.field];
          if (context.reason === 'unknown') throw notFound(context.words);
          throw new ApiProblem('bad-request', context.words, { errors: [{ path, message: context.words[locale] }] });
        }
        for (const slot of await freeSlotsOf(db, context, now, from, to)) found.push({ slot, channel, siteId: needsSite(channel) ? query.site : undefined });
      }
      found.sort((a, b) => a.slot.start.getTime() - b.slot.start.getTime());
      return ok({
        items: found.map(({ slot, channel, siteId }) => ({
          start: formatParis(slot.start),
          end: formatParis(slot.end),
          channel,
          ...(siteId === undefined ? {} : { siteId }),
        })),
      });
    },
  }),
];
