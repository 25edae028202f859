/**
 * The few referential records a booking needs, read with the request's own
 * handle. A `POST` handler runs inside a transaction, and on PGlite (one
 * connection) the in-memory catalog's freshness check would wait for that
 * very transaction to end; reading the records by id in the transaction
 * avoids it and sees the referential as of the booking.
 *
 * @module
 */
import type { Agency, Channel, Convention, Motif, Site } from '@rsp/core/schemas.js';
import type { CatalogSnapshot } from '../catalog.js';
import type { Availability } from '../db/catalog.js';
import type { Queryable } from '../db/database.js';
import type { SlotTarget } from './context.js';

/** What `slotContext` reads of the referential: the catalog's snapshot, or the records of one target. */
export type Referential = Pick<CatalogSnapshot, 'agencyById' | 'motifById' | 'siteById' | 'conventionsBySite' | 'availabilityByAgency'>;

/** The records of one target (agency, motif, site, their convention and the agency's availability on the channel). */
export async function loadReferential(db: Queryable, target: SlotTarget): Promise<Referential> {
  const record = async <T>(table: 'agencies' | 'motifs' | 'sites', id: string | undefined): Promise<T | undefined> =>
    id === undefined ? undefined : (await db.query<{ record: T }>(`SELECT record FROM ${table} WHERE id = $1`, [id]))[0]?.record;
  const agency = await record<Agency>('agencies', target.agencyId);
  const motif = await record<Motif>('motifs', target.motifId);
  const site = await record<Site>('sites', target.siteId);
  const conventions = site
    ? (await db.query<{ record: Convention }>('SELECT record FROM conventions WHERE site_id = $1 AND agency_id = $2 ORDER BY id', [site.id, target.agencyId])).map((r) => r.record)
    : [];
  const rows = await db.query<{ id: string; agency_id: string; site_id: string | null; channel: Channel; hours: string; capacity: number }>(
    'SELECT id, agency_id, site_id, channel, hours, capacity FROM availability WHERE agency_id = $1 AND channel = $2 ORDER BY id',
    [target.agencyId, target.channel],
  );
  const availability: Availability[] = rows.map((a) => ({
    id: a.id,
    agencyId: a.agency_id,
    ...(a.site_id === null ? {} : { siteId: a.site_id }),
    channel: a.channel,
    hours: a.hours,
    capacity: a.capacity,
  }));
  return {
    agencyById: new Map(agency ? [[agency.id, agency]] : []),
    motifById: new Map(motif ? [[motif.id, motif]] : []),
    siteById: new Map(site ? [[site.id, site]] : []),
    conventionsBySite: new Map(site ? [[site.id, conventions]] : []),
    availabilityByAgency: new Map([[target.agencyId, availability]]),
  };
}
