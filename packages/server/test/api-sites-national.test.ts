import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditNetwork, franceServices2019 } from '@rsp/core/charter.js';
import { ApiNetworkAudit, SiteDetail, SiteFeatureCollection, SiteList } from '@rsp/core/client.js';
import { distanceKm } from '@rsp/core/geo.js';
import { isOpenAt, safeParseOpeningHours } from '@rsp/core/hours.js';
import { importFranceServicesCsv } from '@rsp/core/import.js';
import { Hono } from 'hono';
import { apiServices } from '../src/app.js';
import { mountEndpoints } from '../src/api/router.js';
import type { Database } from '../src/db/index.js';
import { upsertSites } from '../src/db/index.js';
import { auditEndpoints } from '../src/routes/audit.js';
import { endpoints } from '../src/routes/index.js';
import { NOW, call, engines, testApp, tokenFor } from './support/harness.js';

/*
 * The real national list: data/france-services-2024-08-01.csv read by the
 * core importer (as `rsp import` does), written to the database, then
 * searched through the API.
 */
const file = join(import.meta.dirname, '../../../data/france-services-2024-08-01.csv');
const imported = importFranceServicesCsv(readFileSync(file, 'utf8'));
const national = imported.sites;
/** Gramat (Lot), where the first Relais Services Publics of this kit stand. */
const GRAMAT = { lat: 44.7811, lon: 1.7256 };

async function json<T>(app: Hono, path: string, parse: (data: unknown) => T, headers: Record<string, string> = {}): Promise<T> {
  const res = await call(app, 'GET', path, { headers });
  assert.equal(res.status, 200, await res.clone().text());
  return parse(await res.json());
}

for (const engine of engines) {
  describe(`the national list of France Services through GET /api/sites (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let app: Hono;
    let errors: unknown[];
    before(async () => {
      db = await engine.open();
      await upsertSites(db, national);
      ({ app, errors } = auditApp(db));
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await db.close();
    });

    it('imports 2,845 sites, every one with coordinates', () => {
      assert.equal(national.length, 2845);
      assert.equal(national.filter((s) => s.coordinates).length, 2845);
    });

    it('answers the 5 sites nearest Gramat, sorted by distance, with the total', async () => {
      const answer = await json(app, `/api/sites?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}&limit=5`, (d) => SiteList.parse(d));
      assert.equal(answer.total, 2845);
      assert.equal(answer.items.length, 5);
      const expected = national
        .map((site) => ({ id: site.id, d: distanceKm(GRAMAT, site.coordinates ?? GRAMAT) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 5);
      assert.deepEqual(answer.items.map((i) => i.site.id), expected.map((e) => e.id));
      const distances = answer.items.map((i) => i.distanceKm ?? NaN);
      assert.ok(distances.every((d, i) => i === 0 || d >= (distances[i - 1] ?? Infinity)), distances.join(', '));
      assert.equal(answer.items[0]?.site.address.commune.includes('Gramat'), true);
      assert.ok((distances[0] ?? 99) < 1, String(distances[0]));
      assert.ok((distances[4] ?? 0) < 60, String(distances[4]));
      console.log(`${engine.name}: nearest Gramat: ${answer.items.map((i) => `${i.site.name} ${String(i.distanceKm)} km`).join('; ')}`);
    });

    it('pages the plain list, counts a radius, filters open now and answers GeoJSON at this size', async () => {
      const first = await json(app, '/api/sites?limit=500', (d) => SiteList.parse(d));
      assert.equal(first.total, 2845);
      assert.equal(first.items.length, 500);
      const last = await json(app, '/api/sites?limit=500&offset=2800', (d) => SiteList.parse(d));
      assert.equal(last.items.length, 45);

      const within = await json(app, `/api/sites?near=${String(GRAMAT.lat)},${String(GRAMAT.lon)}&radius=50&limit=0`, (d) => SiteList.parse(d));
      assert.equal(within.total, national.filter((s) => distanceKm(GRAMAT, s.coordinates ?? { lat: 0, lon: 0 }) <= 50).length);
      assert.ok(within.total > 5);

      const openSites = national.filter((s) => {
        const parsed = s.openingHours === undefined ? undefined : safeParseOpeningHours(s.openingHours);
        return parsed?.success === true && isOpenAt(parsed.value, NOW);
      });
      const open = await json(app, '/api/sites?openNow=true&limit=0', (d) => SiteList.parse(d));
      assert.equal(open.total, openSites.length);

      const map = await json(app, '/api/sites?bbox=1.0,44.2,2.2,45.1&limit=500', (d) => SiteFeatureCollection.parse(d), { Accept: 'application/geo+json' });
      assert.ok(map.features.length > 5);
      assert.ok(map.features.every((f) => f.geometry.coordinates[0] >= 1 && f.geometry.coordinates[0] <= 2.2));

      const detail = await json(app, `/api/sites/${answerId(first)}`, (d) => SiteDetail.parse(d));
      assert.equal(detail.charter.profile, 'france-services-2019');
    });

    it('audits the whole national network for a coordinator', async () => {
      const token = await tokenFor(db, 'coordinator');
      const started = performance.now();
      const res = await call(app, 'GET', '/api/audit?charter=france-services-2019', { token });
      assert.equal(res.status, 200);
      const audit = ApiNetworkAudit.parse(await res.json());
      const ms = performance.now() - started;
      assert.equal(audit.sites, 2845);
      assert.equal(audit.results.length, 2845);
      const expected = auditNetwork(national, franceServices2019, { agencies: [], conventions: [], referenceDate: NOW });
      assert.deepEqual([audit.met, audit.notMet, audit.unknown], [expected.met, expected.notMet, expected.unknown]);
      assert.deepEqual(audit.rules, JSON.parse(JSON.stringify(expected.rules)));
      console.log(`${engine.name}: national audit ${String(audit.met)} met, ${String(audit.notMet)} not met, ${String(audit.unknown)} unknown, in ${ms.toFixed(0)} ms (first call)`);
    });
  });
}

/**
 * The application with `GET /api/audit`: the harness's own once the endpoint
 * is listed in routes/index.ts, else the same endpoints plus the audit's.
 */
function auditApp(db: Database): { app: Hono; errors: unknown[] } {
  if (endpoints.some((e) => e.path === '/api/audit')) return testApp(db);
  const errors: unknown[] = [];
  const app = new Hono();
  mountEndpoints(app, [...endpoints, ...auditEndpoints], apiServices(db, { now: () => NOW, rateLimits: false, log: (_message, error) => errors.push(error) }));
  return { app, errors };
}

function answerId(list: SiteList): string {
  const id = list.items[0]?.site.id;
  assert.ok(id);
  return id;
}
