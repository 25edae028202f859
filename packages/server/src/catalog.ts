import { createSiteIndex } from '@rsp/core/geo.js';
import type { SiteIndex } from '@rsp/core/geo.js';
import type { Agency, Convention, Motif, Site } from '@rsp/core/schemas.js';
import { catalogStamp, loadCatalogRows } from './db/catalog.js';
import type { Availability, CatalogRows } from './db/catalog.js';
import type { Queryable } from './db/database.js';

/**
 * The referential data held in memory for fast reads: 2,845 France Services
 * sites and their partners weigh a few megabytes, and a site search or a slot
 * listing then needs no SQL. Writes go to the database; `refresh()` reloads
 * when the tables changed (an import by the CLI in another process).
 */
export interface CatalogSnapshot {
  readonly sites: readonly Site[];
  readonly agencies: readonly Agency[];
  readonly siteById: ReadonlyMap<string, Site>;
  readonly agencyById: ReadonlyMap<string, Agency>;
  readonly motifById: ReadonlyMap<string, Motif>;
  readonly conventionsBySite: ReadonlyMap<string, readonly Convention[]>;
  readonly conventionsByAgency: ReadonlyMap<string, readonly Convention[]>;
  readonly motifsByAgency: ReadonlyMap<string, readonly Motif[]>;
  /** Availability rows of an agency, all channels. */
  readonly availabilityByAgency: ReadonlyMap<string, readonly Availability[]>;
  /** Spatial index over the sites with coordinates. */
  readonly index: SiteIndex<Site>;
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Builds the in-memory views of the referential. */
export function buildSnapshot(rows: CatalogRows): CatalogSnapshot {
  return {
    sites: rows.sites,
    agencies: rows.agencies,
    siteById: new Map(rows.sites.map((s) => [s.id, s])),
    agencyById: new Map(rows.agencies.map((a) => [a.id, a])),
    motifById: new Map(rows.motifs.map((m) => [m.id, m])),
    conventionsBySite: group(rows.conventions, (c) => c.siteId),
    conventionsByAgency: group(rows.conventions, (c) => c.agencyId),
    motifsByAgency: group(rows.motifs, (m) => m.agencyId),
    availabilityByAgency: group(rows.availability, (a) => a.agencyId),
    index: createSiteIndex(rows.sites),
  };
}

/** The catalog of a running server. */
export interface Catalog {
  /** The current snapshot (reloaded by `refresh`). */
  current(): Promise<CatalogSnapshot>;
  /** Reloads now (after this process wrote referential data). */
  reload(): Promise<CatalogSnapshot>;
}

/**
 * A catalog over a database. `current()` checks the tables' fingerprint at
 * most every `checkEveryMs` (default 5 s) and reloads when it changed, so an
 * import by `rsp import` shows up without a restart.
 */
export function createCatalog(db: Queryable, options: { checkEveryMs?: number; now?: () => number } = {}): Catalog {
  const every = options.checkEveryMs ?? 5000;
  const now = options.now ?? Date.now;
  let snapshot: CatalogSnapshot | undefined;
  let stamp = '';
  let checkedAt = -Infinity;
  let pending: Promise<CatalogSnapshot> | undefined;

  const load = async (): Promise<CatalogSnapshot> => {
    const newStamp = await catalogStamp(db);
    if (snapshot && newStamp === stamp) return snapshot;
    snapshot = buildSnapshot(await loadCatalogRows(db));
    stamp = newStamp;
    return snapshot;
  };
  const once = (force: boolean): Promise<CatalogSnapshot> => {
    if (force) stamp = '';
    pending ??= load().finally(() => {
      pending = undefined;
      checkedAt = now();
    });
    return pending;
  };
  return {
    current: () => (snapshot && now() - checkedAt < every ? Promise.resolve(snapshot) : once(false)),
    reload: () => once(true),
  };
}
