/**
 * The slot context of a booking: for an agency, a motif, a channel and (for
 * `on-site` and `visio`) a site, which hours apply, how many appointments can
 * run at once, and which booking resources hold them.
 *
 * ## Resources: what cannot be double-booked
 *
 * A *receiver* is who gives the appointment; it is named
 * `<agencyId>/<siteId or *>/<channel>` and owns `capacity` *desks*
 * `<receiver>/desk-1` … `<receiver>/desk-N`. A desk is the `resource` column
 * of the `bookings` table, on which the exclusion constraint
 * `bookings_no_overlap` forbids two non-cancelled bookings at overlapping
 * times. Per channel:
 *
 * - `on-site`: the agency's staff at that site — receiver `agency/site/on-site`.
 *   Hours: the agency's `on-site` availability rows bound to that site, else
 *   its agency-wide `on-site` rows, else the convention's `presenceHours`
 *   (capacity 1); always within the site's opening hours. Needs a convention
 *   between the site and the agency.
 * - `visio`: the agency's agents answering visio-guichet calls, shared by every
 *   site — receiver `agency/*\/visio` — unless the agency has `visio` rows bound
 *   to that site (a dedicated agent: receiver `agency/site/visio`). Within the
 *   site's opening hours (the citizen calls from the site). Needs a convention
 *   with `visio: true`.
 * - `phone`: the agency's agents on the phone, shared by every site — receiver
 *   `agency/*\/phone` — unless rows are bound to the given site. No site hours.
 *
 * Channels never share a receiver: an agency's visio and phone hours are
 * separate availability rows with their own capacity. With a capacity above 1
 * a booking takes the first desk that is free (under the receiver's advisory
 * lock); the slot listing counts the bookings of all the desks against the
 * capacity, so a slot is listed while one desk is free.
 *
 * @module
 */
import type { OpeningHours } from '@rsp/core/hours.js';
import { parseOpeningHours } from '@rsp/core/hours.js';
import type { Agency, Channel, Convention, Motif, Site } from '@rsp/core/schemas.js';
import type { SlotQuery } from '@rsp/core/slots.js';
import type { Words } from '../api/problems.js';
import type { Availability } from '../db/catalog.js';
import type { CatalogSnapshot } from '../catalog.js';

/** What is asked: the ids of the query or of a booking's body. */
export interface SlotTarget {
  readonly agencyId: string;
  readonly motifId: string;
  readonly siteId?: string | undefined;
  readonly channel: Channel;
}

/** A field of the target that does not fit, and why, in both languages. */
export interface TargetProblem {
  readonly field: 'agencyId' | 'motifId' | 'siteId' | 'channel';
  /** `unknown`: no such record (`404` on a read); `invalid`: the combination does not fit. */
  readonly reason: 'unknown' | 'invalid';
  readonly words: Words;
}

/** The context of a valid target. */
export interface SlotContext {
  readonly agency: Agency;
  readonly motif: Motif;
  readonly site: Site | undefined;
  readonly channel: Channel;
  /** Who receives: `agency/site-or-*\/channel`; its desks are `<receiver>/desk-<n>`. */
  readonly receiver: string;
  /** Hours of who receives; `undefined` when the agency gives no appointment there (no slot). */
  readonly receiverHours: OpeningHours | undefined;
  /** Why there is no slot at all, when `receiverHours` is `undefined`. */
  readonly closed: Words | undefined;
  /** The site's opening hours, for `on-site` and `visio` when known. */
  readonly siteHours: string | undefined;
  /** Appointments at once (desks). */
  readonly capacity: number;
}

/** The desks of a receiver, in the order they are tried. */
export function desksOf(context: Pick<SlotContext, 'receiver' | 'capacity'>): string[] {
  return Array.from({ length: context.capacity }, (_, i) => `${context.receiver}/desk-${String(i + 1)}`);
}

/** The prefix shared by the desks of a receiver (for reading their bookings). */
export function deskPrefix(receiver: string): string {
  return `${receiver}/desk-`;
}

/** Whether a channel happens at (or from) a site. */
export function needsSite(channel: Channel): boolean {
  return channel !== 'phone';
}

const CHANNEL_WORDS: Readonly<Record<Channel, Words>> = {
  'on-site': { fr: 'sur place', en: 'on site' },
  phone: { fr: 'par téléphone', en: 'by phone' },
  visio: { fr: 'en visio', en: 'by video call' },
};

/**
 * Combines several availability rows into one set of hours: the rules of the
 * later rows are added to those of the first (never override them). The
 * capacity is the largest of the rows.
 */
function combine(rows: readonly Availability[]): { hours: OpeningHours; capacity: number } {
  const [first, ...rest] = rows.map((r) => parseOpeningHours(r.hours));
  const rules = [...(first?.rules ?? []), ...rest.flatMap((oh) => oh.rules.map((rule) => ({ ...rule, additional: true })))];
  return { hours: { rules }, capacity: Math.max(1, ...rows.map((r) => r.capacity)) };
}

/** The slot context of a target, or the first field that does not fit. */
export function slotContext(
  catalog: Pick<CatalogSnapshot, 'agencyById' | 'motifById' | 'siteById' | 'conventionsBySite' | 'availabilityByAgency'>,
  target: SlotTarget,
): SlotContext | TargetProblem {
  const agency = catalog.agencyById.get(target.agencyId);
  if (!agency) return { field: 'agencyId', reason: 'unknown', words: { fr: `Aucun partenaire n’a l’identifiant « ${target.agencyId} ».`, en: `No partner has the id "${target.agencyId}".` } };
  const motif = catalog.motifById.get(target.motifId);
  if (motif?.agencyId !== agency.id)
    return {
      field: 'motifId',
      reason: 'unknown',
      words: { fr: `${agency.name} n’a pas de motif « ${target.motifId} ».`, en: `${agency.name} has no motif "${target.motifId}".` },
    };
  const channel = target.channel;
  if (!motif.channels.includes(channel))
    return {
      field: 'channel',
      reason: 'invalid',
      words: {
        fr: `Ce motif ne se traite pas ${CHANNEL_WORDS[channel].fr} (possible : ${motif.channels.map((c) => CHANNEL_WORDS[c].fr).join(', ')}).`,
        en: `This motif is not offered ${CHANNEL_WORDS[channel].en} (offered: ${motif.channels.map((c) => CHANNEL_WORDS[c].en).join(', ')}).`,
      },
    };
  let site: Site | undefined;
  if (target.siteId !== undefined) {
    site = catalog.siteById.get(target.siteId);
    if (!site) return { field: 'siteId', reason: 'unknown', words: { fr: `Aucun lieu n’a l’identifiant « ${target.siteId} ».`, en: `No site has the id "${target.siteId}".` } };
  } else if (needsSite(channel)) {
    return {
      field: 'siteId',
      reason: 'invalid',
      words: { fr: `Un rendez-vous ${CHANNEL_WORDS[channel].fr} se prend dans un lieu : indiquez le lieu.`, en: `An appointment ${CHANNEL_WORDS[channel].en} takes place at a site: give the site.` },
    };
  }

  const rows = (catalog.availabilityByAgency.get(agency.id) ?? []).filter((r) => r.channel === channel);
  const siteRows = site ? rows.filter((r) => r.siteId === site.id) : [];
  const chosen = siteRows.length > 0 ? siteRows : rows.filter((r) => r.siteId === undefined);
  const convention: Convention | undefined = site ? (catalog.conventionsBySite.get(site.id) ?? []).find((c) => c.agencyId === agency.id) : undefined;
  const siteBound = channel === 'on-site' || siteRows.length > 0;
  const receiver = `${agency.id}/${siteBound && site ? site.id : '*'}/${channel}`;
  const siteHours = needsSite(channel) ? site?.openingHours : undefined;
  const base = { agency, motif, site, channel, receiver, siteHours };

  const closed = (words: Words): SlotContext => ({ ...base, receiverHours: undefined, closed: words, capacity: 1 });
  if (channel === 'on-site' && !convention)
    return closed({ fr: `${agency.name} ne reçoit pas dans ce lieu (aucune convention).`, en: `${agency.name} does not receive at this site (no convention).` });
  if (channel === 'visio' && convention?.visio !== true)
    return closed({ fr: `${agency.name} ne répond pas en visio depuis ce lieu.`, en: `${agency.name} takes no video calls from this site.` });
  if (chosen.length > 0) {
    const { hours, capacity } = combine(chosen);
    return { ...base, receiverHours: hours, closed: undefined, capacity };
  }
  if (channel === 'on-site' && convention?.presenceHours !== undefined)
    return { ...base, receiverHours: parseOpeningHours(convention.presenceHours), closed: undefined, capacity: 1 };
  return closed({ fr: `${agency.name} ne donne pas de rendez-vous ${CHANNEL_WORDS[channel].fr} ici.`, en: `${agency.name} gives no appointment ${CHANNEL_WORDS[channel].en} here.` });
}

/** Whether `slotContext` answered a problem. */
export function isTargetProblem(value: SlotContext | TargetProblem): value is TargetProblem {
  return 'field' in value;
}

/** The part of a core `SlotQuery` the context gives (hours, motif, channel, capacity); `undefined` when closed. */
export function slotQueryOf(context: SlotContext): Pick<SlotQuery, 'receiverHours' | 'siteHours' | 'motif' | 'channel' | 'capacity'> | undefined {
  if (context.receiverHours === undefined) return undefined;
  return {
    receiverHours: context.receiverHours,
    ...(context.siteHours === undefined ? {} : { siteHours: context.siteHours }),
    motif: context.motif,
    channel: context.channel,
    capacity: context.capacity,
  };
}
