import type { Agency, Channel, Convention, Motif, Site } from '@rsp/core/schemas.js';
import type { Queryable, SqlParam } from './database.js';

/**
 * When an agency receives on one channel: at one site (`siteId`), or for every
 * site (no `siteId`: an agent's phone or visio hours), in OSM `opening_hours`
 * syntax, with how many appointments can run at once.
 */
export interface Availability {
  readonly id: string;
  readonly agencyId: string;
  readonly siteId?: string;
  readonly channel: Channel;
  readonly hours: string;
  readonly capacity: number;
}

/** The referential data the API serves: sites, partners, conventions, motifs and availability. */
export interface CatalogRows {
  readonly sites: Site[];
  readonly agencies: Agency[];
  readonly conventions: Convention[];
  readonly motifs: Motif[];
  readonly availability: Availability[];
}

/** Rows per statement when writing many records (keeps PostgreSQL's 65,535 parameters far away). */
const BATCH = 500;

async function upsertMany<T>(db: Queryable, rows: readonly T[], table: string, columns: readonly string[], values: (row: T) => SqlParam[]): Promise<void> {
  const updates = columns
    .filter((c) => c !== 'id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .concat('updated_at = now()')
    .join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const params: SqlParam[] = [];
    const tuples = chunk.map((row) => {
      const v = values(row);
      const placeholders = v.map((value) => {
        params.push(value);
        return `$${String(params.length)}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO UPDATE SET ${updates}`,
      params,
    );
  }
}

/** Inserts or replaces sites, by id. */
export function upsertSites(db: Queryable, sites: readonly Site[]): Promise<void> {
  return upsertMany(db, sites, 'sites', ['id', 'record'], (s) => [s.id, s]);
}

/** Inserts or replaces partner agencies, by id. */
export function upsertAgencies(db: Queryable, agencies: readonly Agency[]): Promise<void> {
  return upsertMany(db, agencies, 'agencies', ['id', 'record'], (a) => [a.id, a]);
}

/** Inserts or replaces conventions, by id; their site and agency must exist. */
export function upsertConventions(db: Queryable, conventions: readonly Convention[]): Promise<void> {
  return upsertMany(db, conventions, 'conventions', ['id', 'site_id', 'agency_id', 'record'], (c) => [c.id, c.siteId, c.agencyId, c]);
}

/** Inserts or replaces motifs, by id; their agency must exist. */
export function upsertMotifs(db: Queryable, motifs: readonly Motif[]): Promise<void> {
  return upsertMany(db, motifs, 'motifs', ['id', 'agency_id', 'record'], (m) => [m.id, m.agencyId, m]);
}

/** Inserts or replaces availability rows, by id; their agency (and site) must exist. */
export function upsertAvailability(db: Queryable, rows: readonly Availability[]): Promise<void> {
  return upsertMany(db, rows, 'availability', ['id', 'agency_id', 'site_id', 'channel', 'hours', 'capacity'], (a) => [
    a.id,
    a.agencyId,
    a.siteId ?? null,
    a.channel,
    a.hours,
    a.capacity,
  ]);
}

/** Reads the whole referential, in id order. */
export async function loadCatalogRows(db: Queryable): Promise<CatalogRows> {
  const records = async <T>(table: string): Promise<T[]> => (await db.query<{ record: T }>(`SELECT record FROM ${table} ORDER BY id`)).map((r) => r.record);
  const availability = await db.query<{ id: string; agency_id: string; site_id: string | null; channel: Channel; hours: string; capacity: number }>(
    'SELECT id, agency_id, site_id, channel, hours, capacity FROM availability ORDER BY id',
  );
  return {
    sites: await records<Site>('sites'),
    agencies: await records<Agency>('agencies'),
    conventions: await records<Convention>('conventions'),
    motifs: await records<Motif>('motifs'),
    availability: availability.map((a) => ({
      id: a.id,
      agencyId: a.agency_id,
      ...(a.site_id === null ? {} : { siteId: a.site_id }),
      channel: a.channel,
      hours: a.hours,
      capacity: a.capacity,
    })),
  };
}

/**
 * A fingerprint of the referential (row counts and last change of each
 * table): when it changes, another process (the CLI's import) wrote to it.
 */
export async function catalogStamp(db: Queryable): Promise<string> {
  const [row] = await db.query<{ stamp: string }>(
    `SELECT concat_ws('|',
       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM sites),
       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM agencies),
       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM conventions),
       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM motifs),
       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM availability)) AS stamp`,
  );
  return row?.stamp ?? '';
}
