/**
 * Shared set-up of the API tests: both database engines, a small network
 * (two Lot sites, the CAF and the Mission Locale) and an application with a
 * fixed clock and no rate limits unless asked.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Agency, Convention, Motif, Site } from '@rsp/core/schemas.js';
import { Agency as AgencySchema, Convention as ConventionSchema, Motif as MotifSchema, Site as SiteSchema } from '@rsp/core/schemas.js';
import pg from 'pg';
import type { Hono } from 'hono';
import { createApp } from '../../src/app.js';
import type { AppOptions } from '../../src/app.js';
import { createToken, openDatabase, upsertAgencies, upsertAvailability, upsertConventions, upsertMotifs, upsertSites } from '../../src/db/index.js';
import type { Availability, Database, Role } from '../../src/db/index.js';

interface PostgresScript {
  postgresTestUrl(): string | undefined;
  postgresSkipReason(): string | undefined;
}
const script = (await import(pathToFileURL(join(import.meta.dirname, '../../../../scripts/postgres.mjs')).href)) as PostgresScript;
const postgresUrl = script.postgresTestUrl();

/** Why the PostgreSQL half is skipped, or `false`. Pass to `describe(…, { skip })`. */
export const postgresSkip: string | false = postgresUrl === undefined ? `PostgreSQL half skipped: ${script.postgresSkipReason() ?? 'no server'}` : false;

/** An engine to run a suite on. */
export interface Engine {
  readonly name: 'pglite' | 'postgres';
  /** Why this engine's suite is skipped, or `false`. */
  readonly skip: string | false;
  /** A fresh, empty, migrated database (PGlite in memory; a new PostgreSQL database, dropped by `close`). */
  open(): Promise<Database>;
}

/**
 * Drops a test database. `WITH (FORCE)` also has to stop an autovacuum worker
 * that may be in it, which a role without `pg_signal_backend` may not do
 * (42501, seen once in CI): then a plain DROP, which waits for autovacuum to
 * leave, is tried a few times.
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      // 55006: "database is being accessed by other users".
      if ((error as { code?: string }).code !== '55006' || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function freshPostgres(url: string): Promise<Database> {
  const name = `rsp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ url: target.toString(), poolSize: 20 });
  return {
    ...db,
    engine: db.engine,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    transaction: db.transaction.bind(db),
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      try {
        await dropDatabase(cleanup, name);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** PGlite, then PostgreSQL when there is a server for the tests. */
export const engines: readonly Engine[] = [
  { name: 'pglite', skip: false, open: () => openDatabase() },
  { name: 'postgres', skip: postgresSkip, open: () => freshPostgres(postgresUrl ?? '') },
];

/** Tuesday 1 December 2026, 08:00 in Paris: the tests' "now". */
export const NOW = new Date('2026-12-01T08:00:00+01:00');

export const sites: Site[] = [
  SiteSchema.parse({
    id: 'lot-gramat',
    name: 'Relais Services Publics de Gramat',
    venueKind: 'cyber-base',
    address: { street: '10 place de la République', postcode: '46500', commune: 'Gramat', inseeCode: '46128' },
    coordinates: { lat: 44.7811, lon: 1.7256 },
    openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
    equipment: { visioStation: true },
  }),
  SiteSchema.parse({
    id: 'lot-salviac',
    name: 'Relais Services Publics de Salviac',
    venueKind: 'town-hall',
    address: { street: 'Place de la Mairie', postcode: '46340', commune: 'Salviac', inseeCode: '46297' },
    coordinates: { lat: 44.6808, lon: 1.2647 },
    openingHours: 'Tu,Th 09:00-12:00',
  }),
];

export const agencies: Agency[] = [
  AgencySchema.parse({ id: 'caf', name: 'CAF', fullName: 'Caisse d’allocations familiales du Lot', sector: 'social', nationalPartner: 'cnaf' }),
  AgencySchema.parse({ id: 'mission-locale', name: 'Mission Locale', sector: 'employment-training' }),
];

export const conventions: Convention[] = [
  ConventionSchema.parse({ id: 'gramat-caf', siteId: 'lot-gramat', agencyId: 'caf', presenceHours: 'Tu 09:00-12:00', visio: true }),
  ConventionSchema.parse({ id: 'gramat-ml', siteId: 'lot-gramat', agencyId: 'mission-locale', presenceHours: 'Th 14:00-17:00' }),
  ConventionSchema.parse({ id: 'salviac-caf', siteId: 'lot-salviac', agencyId: 'caf', presenceHours: 'Th 09:00-12:00' }),
];

export const motifs: Motif[] = [
  MotifSchema.parse({
    id: 'caf-rsa',
    agencyId: 'caf',
    label: { fr: 'Demande de RSA', en: 'Applying for RSA' },
    durationMinutes: 30,
    channels: ['on-site', 'visio', 'phone'],
  }),
  MotifSchema.parse({
    id: 'ml-emploi',
    agencyId: 'mission-locale',
    label: { fr: 'Premier rendez-vous emploi', en: 'First job appointment' },
    durationMinutes: 45,
    channels: ['on-site'],
  }),
];

export const availability: Availability[] = [
  { id: 'caf-visio', agencyId: 'caf', channel: 'visio', hours: 'Mo-Fr 09:00-12:00', capacity: 1 },
  { id: 'caf-phone', agencyId: 'caf', channel: 'phone', hours: 'Mo-Fr 13:30-16:30', capacity: 2 },
];

/** Writes the small network. */
export async function seed(db: Database): Promise<void> {
  await upsertSites(db, sites);
  await upsertAgencies(db, agencies);
  await upsertConventions(db, conventions);
  await upsertMotifs(db, motifs);
  await upsertAvailability(db, availability);
}

/** An application over `db` with the fixed clock, no rate limits and errors kept (not printed) unless asked. */
export function testApp(db: Database, options: Partial<AppOptions> = {}): { app: Hono; errors: unknown[] } {
  const errors: unknown[] = [];
  const app = createApp({
    database: db,
    now: () => NOW,
    rateLimits: false,
    log: (_message, error) => errors.push(error),
    ...options,
  });
  return { app, errors };
}

/** A bearer token of a role (agent of the CAF, mediator of Gramat by default). */
export async function tokenFor(db: Database, role: Role, bound: { agencyId?: string; siteId?: string } = {}): Promise<string> {
  const defaults = role === 'agent' ? { agencyId: 'caf' } : role === 'mediator' ? { siteId: 'lot-gramat' } : {};
  return (await createToken(db, { role, ...defaults, ...bound })).token;
}

/** A JSON request to the app. */
export function call(
  app: Hono,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; key?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  return Promise.resolve(
    app.request(path, { method, headers, ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }) }),
  );
}
