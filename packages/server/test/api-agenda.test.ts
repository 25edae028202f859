/**
 * `GET /api/agenda`: a site's appointments of one day, for its mediators,
 * on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Booking } from '@rsp/core/schemas.js';
import { z } from 'zod';
import type { Database } from '../src/db/index.js';
import { call, engines, seed, testApp, tokenFor } from './support/harness.js';

const Agenda = z.strictObject({ items: z.array(Booking) });
let counter = 0;
const newKey = () => `agenda-key-${String(++counter)}-${String(Date.now())}`;

const booking = (channel: 'visio' | 'on-site' | 'phone', start: string, end: string, name: string) => ({
  agencyId: 'caf',
  motifId: 'caf-rsa',
  ...(channel === 'phone' ? {} : { siteId: 'lot-gramat' }),
  channel,
  start,
  end,
  person: { name, phone: '05 65 00 00 00' },
});

for (const engine of engines) {
  describe(`agenda on ${engine.name}`, { skip: engine.skip }, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
      await seed(db);
    });
    after(async () => {
      await db.close();
    });

    it('lists the day’s appointments of the mediator’s site by start time, without cancelled ones or other days', async () => {
      const { app, errors } = testApp(db);
      const made: { token: string; name: string }[] = [];
      for (const [channel, start, end, name] of [
        ['visio', '2026-12-02T10:00:00+01:00', '2026-12-02T10:30:00+01:00', 'Second'],
        ['visio', '2026-12-02T09:00:00+01:00', '2026-12-02T09:30:00+01:00', 'First'],
        ['visio', '2026-12-02T11:00:00+01:00', '2026-12-02T11:30:00+01:00', 'Cancelled'],
        ['visio', '2026-12-03T09:00:00+01:00', '2026-12-03T09:30:00+01:00', 'Next day'],
        ['phone', '2026-12-02T14:00:00+01:00', '2026-12-02T14:30:00+01:00', 'By phone'],
      ] as const) {
        const res = await call(app, 'POST', '/api/bookings', { body: booking(channel, start, end, name), key: newKey() });
        assert.equal(res.status, 201, await res.clone().text());
        made.push({ token: ((await res.json()) as { token: string }).token, name });
      }
      const cancelled = made.find((m) => m.name === 'Cancelled');
      assert.equal((await call(app, 'POST', `/api/bookings/${cancelled?.token ?? ''}/cancel`, { body: {} })).status, 200);

      const token = await tokenFor(db, 'mediator');
      const res = await call(app, 'GET', '/api/agenda?site=lot-gramat&day=2026-12-02', { token });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const agenda = Agenda.parse(await res.json());
      assert.deepEqual(
        agenda.items.map((b) => [b.person.name, b.start]),
        [
          ['First', '2026-12-02T09:00:00+01:00'],
          ['Second', '2026-12-02T10:00:00+01:00'],
        ],
      );
      // Without `day`: today on the server's clock (Tuesday 1 December), empty here.
      const today = Agenda.parse(await (await call(app, 'GET', '/api/agenda?site=lot-gramat', { token })).json());
      assert.deepEqual(today.items, []);
      assert.deepEqual(errors, []);
    });

    it('needs a token, refuses a mediator of another site and the public, and answers 404 for an unknown site', async () => {
      const { app } = testApp(db);
      assert.equal((await call(app, 'GET', '/api/agenda?site=lot-gramat')).status, 401);
      const other = await tokenFor(db, 'mediator', { siteId: 'lot-salviac' });
      const refused = await call(app, 'GET', '/api/agenda?site=lot-gramat', { token: other });
      assert.equal(refused.status, 403);
      assert.match(((await refused.json()) as { detail: string }).detail, /lot-salviac/);
      const agent = await tokenFor(db, 'agent');
      assert.equal((await call(app, 'GET', '/api/agenda?site=lot-gramat', { token: agent })).status, 403);
      const coordinator = await tokenFor(db, 'coordinator');
      assert.equal((await call(app, 'GET', '/api/agenda?site=lot-salviac&day=2026-12-02', { token: coordinator })).status, 200);
      assert.equal((await call(app, 'GET', '/api/agenda?site=nowhere', { token: coordinator })).status, 404);
      assert.equal((await call(app, 'GET', '/api/agenda?site=lot-gramat&day=2026-13-40', { token: coordinator })).status, 400);
    });
  });
}
