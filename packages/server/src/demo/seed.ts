import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFranceServicesCsv } from '@rsp/core/import.js';
import type { Site } from '@rsp/core/schemas.js';
import type { Database, Queryable } from '../db/database.js';
import { upsertAgencies, upsertAvailability, upsertConventions, upsertMotifs, upsertSites } from '../db/catalog.js';
import { NETWORKS_VERSION, demoAgencies, demoAvailability, demoConventions, demoMotifs, demoSites } from './networks.js';

/**
 * The national list shipped in the repository's data/ folder, when this
 * package runs from the repository (src/demo/ or dist/demo/); `undefined`
 * when installed without it.
 */
export function defaultNationalList(): string | undefined {
  const file = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', '..', 'data', 'france-services-2024-08-01.csv');
  return existsSync(file) ? file : undefined;
}

/** The national list cannot be read or holds no site: said in one line. */
export class DemoSeedError extends Error {
  override name = 'DemoSeedError' as const;
}

/** What to seed. */
export interface SeedOptions {
  /** The France Services CSV to import (default: data/france-services-2024-08-01.csv); `false` for none. */
  readonly nationalList?: string | false | undefined;
  /** Rewrite everything even when the stored versions are current. */
  readonly force?: boolean | undefined;
}

/** One part of the demo data and what seeding did with it. */
export interface SeedPart {
  readonly part: 'networks' | 'national-list';
  /** Sites in that part. */
  readonly sites: number;
  /** `seeded`: written now; `current`: already there, untouched. */
  readonly status: 'seeded' | 'current';
}

/** What `seedDemo` did, and how long it took. */
export interface SeedReport {
  readonly parts: readonly SeedPart[];
  /** Why the national list was left out, when it was. */
  readonly skipped?: string;
  readonly milliseconds: number;
}

interface Stored {
  version: string;
  records: number;
}

async function stored(db: Queryable, part: string): Promise<Stored | undefined> {
  const [row] = await db.query<Stored>('SELECT version, records FROM demo_seed WHERE part = $1', [part]);
  return row;
}

async function record(db: Queryable, part: string, version: string, records: number): Promise<void> {
  await db.query(
    `INSERT INTO demo_seed (part, version, records) VALUES ($1, $2, $3)
     ON CONFLICT (part) DO UPDATE SET version = EXCLUDED.version, records = EXCLUDED.records, seeded_at = now()`,
    [part, version, records],
  );
}

/** How many of these ids are in `table`. */
async function present(db: Queryable, table: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`, [
    JSON.stringify(ids),
  ]);
  return row?.n ?? 0;
}

/** Sites of the national list in the database (the importer names them `fs-<id_fs>`). */
async function nationalSites(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM sites WHERE id LIKE 'fs-%'");
  return row?.n ?? 0;
}

/** Whether every record of the seed networks is still there. */
async function networksComplete(db: Queryable): Promise<boolean> {
  const checks: [string, readonly { id: string }[]][] = [
    ['sites', demoSites],
    ['agencies', demoAgencies],
    ['conventions', demoConventions],
    ['motifs', demoMotifs],
    ['availability', demoAvailability],
  ];
  for (const [table, rows] of checks) {
    if ((await present(db, table, rows.map((r) => r.id))) !== rows.length) return false;
  }
  return true;
}

/**
 * Loads the demo data: the Lot and Ardèche networks of the seed documents
 * (sites, partners, conventions, motifs, agents' hours) and the national
 * France Services list, imported with the core importer (sites only: the list
 * does not say which partners are present where, nor when). Everything goes
 * through the catalog's upserts, in one transaction.
 *
 * A part is written only when missing or outdated: `demo_seed` keeps the
 * version of each part (the networks' `NETWORKS_VERSION`; the list's file
 * name and SHA-256), and its records are counted. Seeding again is a no-op;
 * with `force`, it rewrites the same records (only `updated_at` changes).
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const started = performance.now();
  const listFile = options.nationalList ?? defaultNationalList();
  let national: { version: string; sites: Site[] } | undefined;
  let skipped: string | undefined;
  if (listFile === false) skipped = 'not asked for';
  else if (listFile === undefined) skipped = 'data/france-services-2024-08-01.csv not found (give one with --national-list)';
  else {
    let text: string;
    try {
      text = await readFile(listFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      throw new DemoSeedError(`cannot read the national list ${listFile}: ${why}.`);
    }
    const version = `${basename(listFile)}#${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    national = { version, sites: [] };
    const current = await stored(db, 'national-list');
    if (options.force || current?.version !== version || (await nationalSites(db)) !== current.records) {
      const result = importFranceServicesCsv(text);
      if (result.sites.length === 0) throw new DemoSeedError(`${basename(listFile)} has no France Services site the importer could read.`);
      national.sites = result.sites;
    }
  }

  const parts = await db.transaction(async (tx) => {
    const done: SeedPart[] = [];
    const networks = await stored(tx, 'networks');
    if (options.force || networks?.version !== NETWORKS_VERSION || !(await networksComplete(tx))) {
      await upsertSites(tx, demoSites);
      await upsertAgencies(tx, demoAgencies);
      await upsertConventions(tx, demoConventions);
      await upsertMotifs(tx, demoMotifs);
      await upsertAvailability(tx, demoAvailability);
      await record(tx, 'networks', NETWORKS_VERSION, demoSites.length);
      done.push({ part: 'networks', sites: demoSites.length, status: 'seeded' });
    } else done.push({ part: 'networks', sites: demoSites.length, status: 'current' });
    if (national) {
      const current = await stored(tx, 'national-list');
      if (national.sites.length > 0) {
        await upsertSites(tx, national.sites);
        await record(tx, 'national-list', national.version, national.sites.length);
        done.push({ part: 'national-list', sites: national.sites.length, status: 'seeded' });
      } else done.push({ part: 'national-list', sites: current?.records ?? 0, status: 'current' });
    }
    return done;
  });
  return { parts, ...(skipped ? { skipped } : {}), milliseconds: Math.round(performance.now() - started) };
}
