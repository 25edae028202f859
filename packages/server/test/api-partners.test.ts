/**
 * GET /api/partners, /api/motifs and /api/slots on both engines, against the
 * small Lot network of the harness (clock: Tuesday 1 December 2026, 08:00).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiSlot, ProblemDetails } from '@rsp/core/client.js';
import { Agency, Motif } from '@rsp/core/schemas.js';
import { z } from 'zod';
import { upsertAgencies } from '../src/db/index.js';
import type { Database } from '../src/db/index.js';
import { call, engines, seed, testApp } from './support/harness.js';

const Items = <T extends z.core.$ZodType>(item: T) => z.strictObject({ items: z.array(item) });
const SlotList = Items(ApiSlot);

async function problem(res: Response, status: number): Promise<z.infer<typeof ProblemDetails>> {
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return ProblemDetails.parse(await res.json());
}

async function slots(app: ReturnType<typeof testApp>['app'], query: string): Promise<ApiSlot[]> {
  const res = await call(app, 'GET', `/api/slots?${query}`);
  assert.equal(res.status, 200, await res.clone().text());
  return SlotList.parse(await res.json()).items;
}

for (const engine of engines) {
  describe(`partners, motifs and slots on ${engine.name}`, { skip: engine.skip }, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
      await seed(db);
    });
    after(async () => {
      await db.close();
    });

    it('lists the partner agencies as Items(Agency)', async () => {
      const { app, errors } = testApp(db);
      const res = await call(app, 'GET', '/api/partners');
      assert.equal(res.status, 200);
      const body = Items(Agency).parse(await res.json());
      assert.deepEqual(
        body.items.map((a) => a.id),
        ['caf', 'mission-locale'],
      );
      assert.deepEqual(errors, []);
    });

    it('lists an agency’s motifs, 400 without agency, 404 for an unknown one', async () => {
      const { app, errors } = testApp(db);
      const res = await call(app, 'GET', '/api/motifs?agency=caf');
      assert.equal(res.status, 200);
      assert.deepEqual(
        Items(Motif)
          .parse(await res.json())
          .items.map((m) => m.id),
        ['caf-rsa'],
      );
      const missing = await problem(await call(app, 'GET', '/api/motifs'), 400);
      assert.equal(missing.errors?.[0]?.path, 'agency');
      await problem(await call(app, 'GET', '/api/motifs?agency=cpam'), 404);
      await problem(await call(app, 'GET', '/api/motifs?agency=caf&extra=1'), 400);
      assert.deepEqual(errors, []);
    });

    it('lists on-site slots within the convention’s presence hours and the site’s hours', async () => {
      const { app, errors } = testApp(db);
      const items = await slots(app, 'agency=caf&motif=caf-rsa&site=lot-gramat&channel=on-site&from=2026-12-01&to=2026-12-08');
      // CAF at Gramat: Tuesday 09:00–12:00, 30 minutes: six slots on 1 and on 8 December.
      assert.deepEqual(
        items.map((s) => s.start),
        ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].flatMap((t) => [`2026-12-01T${t}:00+01:00`]).concat(
          ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map((t) => `2026-12-08T${t}:00+01:00`),
        ),
      );
      assert.ok(items.every((s) => s.channel === 'on-site' && s.siteId === 'lot-gramat'));
      assert.equal(items[0]?.end, '2026-12-01T09:30:00+01:00');
      // Mission Locale, 45 minutes on Thursday afternoons.
      const ml = await slots(app, 'agency=mission-locale&motif=ml-emploi&site=lot-gramat&from=2026-12-03&to=2026-12-03');
      assert.deepEqual(
        ml.map((s) => s.start),
        ['14:00', '14:45', '15:30', '16:15'].map((t) => `2026-12-03T${t}:00+01:00`),
      );
      assert.deepEqual(errors, []);
    });

    it('keeps the minimum notice and lists the default 15 days in time order over every channel', async () => {
      const { app, errors } = testApp(db);
      // Without channel nor site: only the phone (on-site and visio need a site).
      const phone = await slots(app, 'agency=caf&motif=caf-rsa');
      assert.ok(phone.length > 0);
      assert.ok(phone.every((s) => s.channel === 'phone' && s.siteId === undefined));
      assert.equal(phone[0]?.start, '2026-12-01T13:30:00+01:00');
      assert.ok(Date.parse(phone.at(-1)?.end ?? '') <= Date.parse('2026-12-16T00:00:00+01:00'));
      // With the site: the three channels, merged in time order.
      const all = await slots(app, 'agency=caf&motif=caf-rsa&site=lot-gramat&from=2026-12-01&to=2026-12-01');
      assert.deepEqual([...new Set(all.map((s) => s.channel))].sort(), ['on-site', 'phone', 'visio']);
      const starts = all.map((s) => Date.parse(s.start));
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
      // Salviac has no visio with the CAF, and on Tuesday no CAF presence (Thursday only).
      assert.deepEqual(await slots(app, 'agency=caf&motif=caf-rsa&site=lot-salviac&channel=visio&from=2026-12-01&to=2026-12-10'), []);
      const salviac = await slots(app, 'agency=caf&motif=caf-rsa&site=lot-salviac&channel=on-site&from=2026-12-01&to=2026-12-07');
      assert.deepEqual(
        salviac.map((s) => s.start.slice(0, 10)),
        Array<string>(6).fill('2026-12-03'),
      );
      // Too soon: at 08:00, with 30 minutes' notice, a 08:00 start would not be listed (hours start at 09:00 anyway).
      const soon = await slots(app, 'agency=caf&motif=caf-rsa&site=lot-gramat&channel=visio&from=2026-11-30&to=2026-12-01');
      assert.equal(soon[0]?.start, '2026-12-01T09:00:00+01:00');
      assert.deepEqual(errors, []);
    });

    it('gives no slot on a public holiday (25 December, 1 January)', async () => {
      const { app, errors } = testApp(db);
      const items = await slots(app, 'agency=caf&motif=caf-rsa&site=lot-gramat&channel=visio&from=2026-12-24&to=2027-01-01');
      const days = [...new Set(items.map((s) => s.start.slice(0, 10)))];
      assert.deepEqual(days, ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
      assert.deepEqual(await slots(app, 'agency=caf&motif=caf-rsa&channel=phone&from=2026-12-25&to=2026-12-25'), []);
      assert.deepEqual(await slots(app, 'agency=caf&motif=caf-rsa&channel=phone&from=2027-01-01&to=2027-01-01'), []);
      assert.deepEqual(errors, []);
    });

    it('keeps 09:00 Paris time across the spring clock change (28 March 2027), Easter Monday off', async () => {
      const { app, errors } = testApp(db, { now: () => new Date('2027-03-26T08:00:00+01:00') });
      const items = await slots(app, 'agency=caf&motif=caf-rsa&site=lot-gramat&channel=visio&from=2027-03-26&to=2027-03-30');
      // Friday 26 (winter time), then Tuesday 30 (summer time): Monday 29 March 2027 is Easter Monday, a public holiday.
      assert.deepEqual([...new Set(items.map((s) => s.start.slice(0, 10)))], ['2027-03-26', '2027-03-30']);
      const friday = items.filter((s) => s.start.startsWith('2027-03-26'));
      const tuesday = items.filter((s) => s.start.startsWith('2027-03-30'));
      assert.equal(friday[0]?.start, '2027-03-26T09:00:00+01:00');
      assert.equal(new Date(friday.at(0)?.start ?? '').toISOString(), '2027-03-26T08:00:00.000Z');
      assert.equal(tuesday[0]?.start, '2027-03-30T09:00:00+02:00');
      assert.equal(new Date(tuesday.at(0)?.start ?? '').toISOString(), '2027-03-30T07:00:00.000Z');
      assert.equal(tuesday.at(-1)?.end, '2027-03-30T12:00:00+02:00');
      assert.equal(friday.length, 6);
      assert.equal(tuesday.length, 6);
      assert.deepEqual(errors, []);
    });

    it('answers 400 and 404 for bad slot queries', async () => {
      const { app, errors } = testApp(db);
      const noMotif = await problem(await call(app, 'GET', '/api/slots?agency=caf'), 400);
      assert.equal(noMotif.errors?.[0]?.path, 'motif');
      const noSite = await problem(await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&channel=on-site'), 400);
      assert.equal(noSite.errors?.[0]?.path, 'site');
      const noSiteNoPhone = await problem(await call(app, 'GET', '/api/slots?agency=mission-locale&motif=ml-emploi'), 400);
      assert.equal(noSiteNoPhone.errors?.[0]?.path, 'site');
      const channel = await problem(await call(app, 'GET', '/api/slots?agency=mission-locale&motif=ml-emploi&site=lot-gramat&channel=phone'), 400);
      assert.equal(channel.errors?.[0]?.path, 'channel');
      await problem(await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&channel=fax'), 400);
      await problem(await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&from=2026-12-10&to=2026-12-01'), 400);
      await problem(await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&from=2026-13-01'), 400);
      await problem(await call(app, 'GET', '/api/slots?agency=cpam&motif=caf-rsa'), 404);
      await problem(await call(app, 'GET', '/api/slots?agency=caf&motif=ml-emploi'), 404);
      await problem(await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&site=lot-nowhere&channel=visio'), 404);
      assert.deepEqual(errors, []);
    });

    it('stops at the motif’s horizon', async () => {
      const { app, errors } = testApp(db);
      // 92 days from 1 December 2026: the last day is 3 March 2027.
      const items = await slots(app, 'agency=caf&motif=caf-rsa&channel=phone&from=2027-03-01&to=2027-03-31');
      assert.deepEqual([...new Set(items.map((s) => s.start.slice(0, 10)))], ['2027-03-01', '2027-03-02', '2027-03-03']);
      assert.deepEqual(errors, []);
    });
  });
}

for (const engine of engines) {
  describe(`bookable partners on ${engine.name}`, { skip: engine.skip }, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
      await seed(db);
      // A partner one cannot book with: a local authority, no motif.
      await upsertAgencies(db, [Agency.parse({ id: 'cc-salviac', name: 'CC Salviac', sector: 'other' })]);
    });
    after(async () => {
      await db.close();
    });

    it('lists only the agencies with a motif when asked (?bookable=true), every partner otherwise', async () => {
      const { app, errors } = testApp(db);
      const ids = async (query: string) => Items(Agency).parse(await (await call(app, 'GET', `/api/partners${query}`)).json()).items.map((a) => a.id);
      assert.deepEqual(await ids(''), ['caf', 'cc-salviac', 'mission-locale']);
      assert.deepEqual(await ids('?bookable=false'), ['caf', 'cc-salviac', 'mission-locale']);
      assert.deepEqual(await ids('?bookable=true'), ['caf', 'mission-locale']);
      const bad = await problem(await call(app, 'GET', '/api/partners?bookable=yes'), 400);
      assert.equal(bad.errors?.[0]?.path, 'bookable');
      assert.deepEqual(errors, []);
    });
  });
}
