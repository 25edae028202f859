import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agency, Convention, Motif, Site } from '@rsp/core/schemas.js';
import { catalogStamp, loadCatalogRows } from '../src/db/index.js';
import type { CatalogRows, Database } from '../src/db/index.js';
import { defaultNationalList, demoSites, seedDemo } from '../src/demo/index.js';
import { engines } from './support/harness.js';

const lot = ['rsp-46-gourdon', 'rsp-46-le-vigan', 'rsp-46-bretenoux', 'rsp-46-biars', 'rsp-46-lacapelle', 'rsp-46-latronquiere', 'rsp-46-catus', 'rsp-46-salviac', 'rsp-46-assier'];
const ardeche = ['rsp-07-etables', 'rsp-07-alboussiere', 'rsp-07-vernoux', 'rsp-07-saint-agreve'];

describe('the demo data', () => {
  it('is found in the repository’s data folder', () => {
    assert.match(defaultNationalList() ?? '', /data[/\\]france-services-2024-08-01\.csv$/);
  });

  it('has the 13 sites of the seeds, with the venues the Lot seed counts', () => {
    assert.deepEqual(demoSites.map((s) => s.id), [...lot, ...ardeche]);
    const lotVenues = demoSites.filter((s) => s.id.startsWith('rsp-46-')).map((s) => s.venueKind);
    assert.equal(lotVenues.filter((v) => v === 'cyber-base').length, 6);
    assert.equal(lotVenues.filter((v) => v === 'community-house').length, 1);
    assert.equal(lotVenues.filter((v) => v === 'town-hall').length, 2);
  });
});

for (const engine of engines) {
  describe(`seedDemo (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let first: Awaited<ReturnType<typeof seedDemo>>;
    let rows: CatalogRows;
    before(async () => {
      db = await engine.open();
      first = await seedDemo(db);
      rows = await loadCatalogRows(db);
    });
    after(() => db.close());

    it('writes the 13 seed sites and the 2,845 sites of the national list', () => {
      assert.deepEqual(first.parts, [
        { part: 'networks', sites: 13, status: 'seeded' },
        { part: 'national-list', sites: 2845, status: 'seeded' },
      ]);
      assert.equal(rows.sites.length, 13 + 2845);
      const ids = new Set(rows.sites.map((s) => s.id));
      for (const id of [...lot, ...ardeche, 'fs-1', 'fs-267']) assert.ok(ids.has(id), id);
      assert.equal(rows.sites.filter((s) => s.id.startsWith('fs-')).length, 2845);
      assert.ok(first.milliseconds > 0);
    });

    it('writes the partners, conventions, motifs and agents’ hours of both networks', () => {
      const agencies = new Set(rows.agencies.map((a) => a.id));
      for (const id of ['caf', 'cram', 'cpam', 'udaf', 'mission-locale', 'anpe-valence-ouest', 'msa-loire-ardeche', 'caf-ardeche']) assert.ok(agencies.has(id), id);
      assert.equal(rows.agencies.filter((a) => a.id.startsWith('cc-') || a.id.startsWith('cias-') || a.id.startsWith('commune-')).length, 7);
      assert.equal(rows.conventions.length, 9 * 6 + 4 * 3);
      // Every Lot site has a social partner and an employment-training one, as the label asks.
      const sector = new Map(rows.agencies.map((a) => [a.id, a.sector]));
      for (const siteId of [...lot, ...ardeche]) {
        const sectors = rows.conventions.filter((c) => c.siteId === siteId).map((c) => sector.get(c.agencyId));
        assert.ok(sectors.includes('social') && sectors.includes('employment-training'), siteId);
      }
      const visio = rows.conventions.filter((c) => c.visio === true);
      assert.equal(visio.filter((c) => c.agencyId === 'cram').length, 9);
      assert.deepEqual(visio.filter((c) => c.siteId.startsWith('rsp-07-')).map((c) => c.id), ['rsp-07-alboussiere--caf-ardeche']);
      // Every agency that receives has motifs, and a motif's channels are ones its agency has hours for.
      for (const motif of rows.motifs) {
        const channels = new Set(rows.availability.filter((a) => a.agencyId === motif.agencyId).map((a) => a.channel));
        for (const channel of motif.channels) assert.ok(channels.has(channel), `${motif.id} ${channel}`);
        assert.ok(motif.label.fr && motif.label.en, motif.id);
      }
      assert.ok(rows.availability.some((a) => a.agencyId === 'caf' && a.channel === 'visio' && a.siteId === undefined));
    });

    it('writes records that parse with the core schemas, unchanged', () => {
      for (const site of rows.sites) assert.deepEqual(Site.parse(site), site);
      for (const agency of rows.agencies) assert.deepEqual(Agency.parse(agency), agency);
      for (const convention of rows.conventions) assert.deepEqual(Convention.parse(convention), convention);
      for (const motif of rows.motifs) assert.deepEqual(Motif.parse(motif), motif);
    });

    it('does nothing when seeded again, and rewrites the same records when forced', async () => {
      const stamp = await catalogStamp(db);
      const again = await seedDemo(db);
      assert.deepEqual(again.parts.map((p) => p.status), ['current', 'current']);
      assert.equal(await catalogStamp(db), stamp);
      const forced = await seedDemo(db, { force: true });
      assert.deepEqual(forced.parts.map((p) => p.status), ['seeded', 'seeded']);
      assert.deepEqual(await loadCatalogRows(db), rows);
    });

    it('puts back what is missing or outdated, and only that part', async () => {
      assert.equal((await db.query("DELETE FROM conventions WHERE id = 'rsp-46-catus--cpam' RETURNING id")).length, 1);
      const missing = await seedDemo(db);
      assert.deepEqual(missing.parts.map((p) => p.status), ['seeded', 'current']);
      assert.deepEqual(await loadCatalogRows(db), rows);
      assert.equal((await db.query("DELETE FROM sites WHERE id = 'fs-267' RETURNING id")).length, 1);
      await db.query("UPDATE demo_seed SET version = 'networks-0' WHERE part = 'networks'");
      const outdated = await seedDemo(db);
      assert.deepEqual(outdated.parts.map((p) => p.status), ['seeded', 'seeded']);
      assert.equal((await loadCatalogRows(db)).sites.length, 13 + 2845);
    });

    it('leaves the national list out when asked', async () => {
      const fresh = await engine.open();
      try {
        const report = await seedDemo(fresh, { nationalList: false });
        assert.deepEqual(report.parts, [{ part: 'networks', sites: 13, status: 'seeded' }]);
        assert.equal(report.skipped, 'not asked for');
        assert.equal((await loadCatalogRows(fresh)).sites.length, 13);
      } finally {
        await fresh.close();
      }
    });
  });
}
