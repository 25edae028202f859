/**
 * The bookings endpoints on both engines: the whole flow (slot → booking →
 * read → calendar file → reschedule → cancel), every error status of the
 * contract, idempotent replays, mediator bookings, capacity, holidays and
 * the spring clock change.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiSlot, BookingConfirmation, ProblemDetails } from '@rsp/core/client.js';
import { Booking } from '@rsp/core/schemas.js';
import { z } from 'zod';
import type { Database } from '../src/db/index.js';
import { call, engines, NOW, seed, testApp, tokenFor } from './support/harness.js';

const SlotList = z.strictObject({ items: z.array(ApiSlot) });
const person = { name: 'Camille Martin', email: 'camille.martin@example.fr' };
let counter = 0;
const newKey = () => `test-key-${String(++counter)}-${String(Date.now())}`;

/** A visio booking at Gramat (CAF, Mo-Fr 09:00–12:00, capacity 1). */
const visio = (start: string, end: string, extra: Record<string, unknown> = {}) => ({
  agencyId: 'caf',
  motifId: 'caf-rsa',
  siteId: 'lot-gramat',
  channel: 'visio',
  start,
  end,
  person,
  ...extra,
});

async function problem(res: Response, status: number, type?: string): Promise<z.infer<typeof ProblemDetails>> {
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = ProblemDetails.parse(await res.json());
  if (type) assert.equal(body.type, `https://rsp.example.fr/problems/${type}`);
  return body;
}

async function rows(db: Database, where = 'true'): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE ${where}`);
  return row?.n ?? -1;
}

for (const engine of engines) {
  describe(`bookings on ${engine.name}`, { skip: engine.skip }, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
      await seed(db);
    });
    after(async () => {
      await db.close();
    });

    it('books a listed slot, reads it, gives its calendar file, moves and cancels it', async () => {
      const { app, errors } = testApp(db);
      const listed = SlotList.parse(await (await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&site=lot-gramat&channel=visio&from=2026-12-02&to=2026-12-02')).json()).items;
      const slot = listed[0];
      assert.ok(slot);
      const res = await call(app, 'POST', '/api/bookings', { body: visio(slot.start, slot.end), key: newKey() });
      assert.equal(res.status, 201, await res.clone().text());
      const confirmation = BookingConfirmation.parse(await res.json());
      assert.equal(res.headers.get('location'), `/api/bookings/${confirmation.token}`);
      assert.equal(confirmation.icsUrl, `/api/bookings/${confirmation.token}.ics`);
      assert.equal(confirmation.booking.start, '2026-12-02T09:00:00+01:00');
      assert.equal(confirmation.booking.status, 'confirmed');
      assert.equal(confirmation.booking.bookedBy, 'user');
      assert.equal(confirmation.booking.createdAt, NOW.toISOString());
      const [stored] = await db.query<{ resource: string }>('SELECT resource FROM bookings WHERE id = $1', [confirmation.booking.id]);
      assert.equal(stored?.resource, 'caf/*/visio/desk-1');

      // The slot is no longer listed.
      const after = SlotList.parse(await (await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&site=lot-gramat&channel=visio&from=2026-12-02&to=2026-12-02')).json()).items;
      assert.equal(after.length, listed.length - 1);
      assert.ok(!after.some((s) => s.start === slot.start));

      const read = await call(app, 'GET', `/api/bookings/${confirmation.token}`);
      assert.equal(read.status, 200);
      assert.deepEqual(Booking.parse(await read.json()), confirmation.booking);

      const ics = await call(app, 'GET', confirmation.icsUrl, { headers: { Accept: 'text/calendar' } });
      assert.equal(ics.status, 200, await ics.clone().text());
      assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
      const text = await ics.text();
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
      assert.match(text, /END:VCALENDAR\r\n$/);
      assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
      const unfolded = text.replace(/\r\n /g, '');
      assert.ok(unfolded.includes(`\r\nUID:${confirmation.booking.id}\r\n`));
      assert.ok(unfolded.includes('\r\nDTSTART:20261202T080000Z\r\n'));
      assert.ok(unfolded.includes('\r\nDTEND:20261202T083000Z\r\n'));
      assert.ok(unfolded.includes('\r\nLOCATION:Relais Services Publics de Gramat\\, 10 place de la République\\, 46500 Gramat\r\n'));
      assert.ok(unfolded.includes('\r\nSUMMARY:Demande de RSA — CAF\r\n'));
      for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
      await problem(await call(app, 'GET', '/api/bookings/unknown-token-0000000000.ics'), 404);

      // Reschedule: same token, the new time; the old one is free again.
      const moved = await call(app, 'POST', `/api/bookings/${confirmation.token}/reschedule`, {
        body: { start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T10:30:00+01:00' },
        key: newKey(),
      });
      assert.equal(moved.status, 200, await moved.clone().text());
      const movedBody = BookingConfirmation.parse(await moved.json());
      assert.equal(movedBody.token, confirmation.token);
      assert.equal(movedBody.booking.id, confirmation.booking.id);
      assert.equal(movedBody.booking.start, '2026-12-02T10:00:00+01:00');
      const freed = await call(app, 'POST', '/api/bookings', { body: visio(slot.start, slot.end, { person: { name: 'Alex Roux', phone: '05 65 00 00 00' } }), key: newKey() });
      assert.equal(freed.status, 201);

      // Cancel: the booking with status cancelled; again, the same answer.
      const cancelled = await call(app, 'POST', `/api/bookings/${confirmation.token}/cancel`, { body: { reason: 'Empêchement' }, key: newKey() });
      assert.equal(cancelled.status, 200, await cancelled.clone().text());
      const cancelledBody = Booking.parse(await cancelled.json());
      assert.equal(cancelledBody.status, 'cancelled');
      const again = await call(app, 'POST', `/api/bookings/${confirmation.token}/cancel`, { key: newKey() });
      assert.equal(again.status, 200);
      assert.deepEqual(Booking.parse(await again.json()), cancelledBody);
      const icsCancelled = await (await call(app, 'GET', confirmation.icsUrl)).text();
      assert.ok(icsCancelled.includes('\r\nSTATUS:CANCELLED\r\n'));
      // Its time is free again.
      const retaken = await call(app, 'POST', '/api/bookings', { body: visio('2026-12-02T10:00:00+01:00', '2026-12-02T10:30:00+01:00'), key: newKey() });
      assert.equal(retaken.status, 201);
      assert.deepEqual(errors, []);
    });

    it('answers every error status of POST /api/bookings', async () => {
      const { app, errors } = testApp(db);
      const body = visio('2026-12-03T09:00:00+01:00', '2026-12-03T09:30:00+01:00');
      const before = await rows(db);
      // 400 without Idempotency-Key.
      await problem(await call(app, 'POST', '/api/bookings', { body }), 400);
      // 422 invalid person.
      const noContact = await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, person: { name: 'Sans contact' } }, key: newKey() }), 422);
      assert.equal(noContact.errors?.[0]?.path, 'person.phone');
      // 422 not a slot: off the grid, outside hours, too soon, a holiday, wrong length, unknown records.
      const offGrid = await problem(await call(app, 'POST', '/api/bookings', { body: visio('2026-12-03T09:10:00+01:00', '2026-12-03T09:40:00+01:00'), key: newKey() }), 422);
      assert.equal(offGrid.errors?.[0]?.path, 'start');
      await problem(await call(app, 'POST', '/api/bookings', { body: visio('2026-12-03T14:00:00+01:00', '2026-12-03T14:30:00+01:00'), key: newKey() }), 422);
      await problem(await call(app, 'POST', '/api/bookings', { body: visio('2026-12-01T08:00:00+01:00', '2026-12-01T08:30:00+01:00'), key: newKey() }), 422);
      const holiday = await problem(
        await call(app, 'POST', '/api/bookings', { body: visio('2026-12-25T09:00:00+01:00', '2026-12-25T09:30:00+01:00'), key: newKey(), headers: { 'Accept-Language': 'en' } }),
        422,
      );
      assert.equal(holiday.errors?.[0]?.message, 'This day is a public holiday.');
      await problem(await call(app, 'POST', '/api/bookings', { body: visio('2027-01-01T09:00:00+01:00', '2027-01-01T09:30:00+01:00'), key: newKey() }), 422);
      await problem(await call(app, 'POST', '/api/bookings', { body: visio('2026-12-03T09:00:00+01:00', '2026-12-03T10:00:00+01:00'), key: newKey() }), 422);
      await problem(await call(app, 'POST', '/api/bookings', { body: visio('2027-06-01T09:00:00+02:00', '2027-06-01T09:30:00+02:00'), key: newKey() }), 422);
      const agency = await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, agencyId: 'cpam' }, key: newKey() }), 422);
      assert.equal(agency.errors?.[0]?.path, 'agencyId');
      const motif = await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, motifId: 'ml-emploi' }, key: newKey() }), 422);
      assert.equal(motif.errors?.[0]?.path, 'motifId');
      const site = await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, siteId: undefined }, key: newKey() }), 422);
      assert.equal(site.errors?.[0]?.path, 'siteId');
      // Salviac has no visio with the CAF: no slot there.
      const salviac = await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, siteId: 'lot-salviac' }, key: newKey() }), 422);
      assert.equal(salviac.errors?.[0]?.path, 'start');
      await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, end: body.start }, key: newKey() }), 422);
      await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, extra: true }, key: newKey() }), 422);
      await problem(await call(app, 'POST', '/api/bookings', { body: '{not json', key: newKey() }), 400);
      assert.equal(await rows(db), before, 'no refused request stored a booking');
      // 201, then 409 slot-taken for the same slot with another key.
      const first = await call(app, 'POST', '/api/bookings', { body, key: newKey() });
      assert.equal(first.status, 201);
      const taken = await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, person: { name: 'Autre', email: 'autre@example.fr' } }, key: newKey() }), 409, 'slot-taken');
      assert.equal(taken.errors?.[0]?.path, 'start');
      assert.equal(taken.instance, '/api/bookings');
      assert.equal(await rows(db, "motif_id = 'caf-rsa' AND lower(during) = '2026-12-03T08:00:00Z'"), 1);
      assert.deepEqual(errors, []);
    });

    it('replays an idempotency key: same body → same answer and one row; another body → 422', async () => {
      const { app, errors } = testApp(db);
      const body = visio('2026-12-04T11:00:00+01:00', '2026-12-04T11:30:00+01:00');
      const key = newKey();
      const first = await call(app, 'POST', '/api/bookings', { body, key });
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('idempotency-replayed'), null);
      const firstBody = BookingConfirmation.parse(await first.json());
      const second = await call(app, 'POST', '/api/bookings', { body, key });
      assert.equal(second.status, 201);
      assert.equal(second.headers.get('idempotency-replayed'), 'true');
      assert.equal(second.headers.get('location'), first.headers.get('location'));
      assert.deepEqual(BookingConfirmation.parse(await second.json()), firstBody);
      assert.equal(await rows(db, "lower(during) = '2026-12-04T10:00:00Z'"), 1);
      await problem(await call(app, 'POST', '/api/bookings', { body: { ...body, person: { ...person, name: 'Quelqu’un d’autre' } }, key }), 422, 'idempotency-key-reused');
      // A refused request keeps no key: the retry is tried afresh (and refused again), never replayed.
      const refusedKey = newKey();
      await problem(await call(app, 'POST', '/api/bookings', { body, key: refusedKey }), 409, 'slot-taken');
      await problem(await call(app, 'POST', '/api/bookings', { body, key: refusedKey }), 409, 'slot-taken');
      assert.equal(await rows(db, "lower(during) = '2026-12-04T10:00:00Z'"), 1);
      assert.deepEqual(errors, []);
    });

    it('lets a mediator of the site book for someone, and no one else', async () => {
      const { app, errors } = testApp(db);
      const body = visio('2026-12-07T09:00:00+01:00', '2026-12-07T09:30:00+01:00', { bookedBy: 'mediator' });
      await problem(await call(app, 'POST', '/api/bookings', { body, key: newKey() }), 401);
      await problem(await call(app, 'POST', '/api/bookings', { body, key: newKey(), token: await tokenFor(db, 'agent') }), 403);
      await problem(await call(app, 'POST', '/api/bookings', { body, key: newKey(), token: await tokenFor(db, 'mediator', { siteId: 'lot-salviac' }) }), 403);
      await problem(await call(app, 'POST', '/api/bookings', { body, key: newKey(), token: 'not-a-real-token-at-all-000' }), 401);
      const res = await call(app, 'POST', '/api/bookings', { body, key: newKey(), token: await tokenFor(db, 'mediator') });
      assert.equal(res.status, 201, await res.clone().text());
      assert.equal(BookingConfirmation.parse(await res.json()).booking.bookedBy, 'mediator');
      assert.deepEqual(errors, []);
    });

    it('gives each desk of a capacity its booking (phone, capacity 2), then 409', async () => {
      const { app, errors } = testApp(db);
      const phone = { agencyId: 'caf', motifId: 'caf-rsa', channel: 'phone', start: '2026-12-08T13:30:00+01:00', end: '2026-12-08T14:00:00+01:00' };
      const listed = async () =>
        SlotList.parse(await (await call(app, 'GET', '/api/slots?agency=caf&motif=caf-rsa&channel=phone&from=2026-12-08&to=2026-12-08')).json()).items.some((s) => s.start === phone.start);
      assert.equal(await listed(), true);
      const a = await call(app, 'POST', '/api/bookings', { body: { ...phone, person }, key: newKey() });
      assert.equal(a.status, 201);
      assert.equal(await listed(), true, 'one desk is still free');
      const b = await call(app, 'POST', '/api/bookings', { body: { ...phone, person: { name: 'B', phone: '0600000000' } }, key: newKey() });
      assert.equal(b.status, 201);
      assert.equal(await listed(), false);
      await problem(await call(app, 'POST', '/api/bookings', { body: { ...phone, person: { name: 'C', phone: '0600000001' } }, key: newKey() }), 409, 'slot-taken');
      const resources = await db.query<{ resource: string }>("SELECT resource FROM bookings WHERE channel = 'phone' AND lower(during) = '2026-12-08T12:30:00Z' ORDER BY resource");
      assert.deepEqual(
        resources.map((r) => r.resource),
        ['caf/*/phone/desk-1', 'caf/*/phone/desk-2'],
      );
      const ics = await (await call(app, 'GET', BookingConfirmation.parse(await a.json()).icsUrl)).text();
      assert.ok(!ics.includes('LOCATION:'), 'a phone appointment has no place');
      assert.deepEqual(errors, []);
    });

    it('answers the errors of reading, cancelling and moving a booking', async () => {
      const { app, errors } = testApp(db);
      await problem(await call(app, 'GET', '/api/bookings/unknown-token-000000000000'), 404);
      await problem(await call(app, 'GET', '/api/bookings/short'), 404);
      await problem(await call(app, 'POST', '/api/bookings/unknown-token-000000000000/cancel', { key: newKey() }), 404);
      await problem(await call(app, 'POST', '/api/bookings/unknown-token-000000000000/reschedule', { body: { start: '2026-12-09T09:00:00+01:00', end: '2026-12-09T09:30:00+01:00' }, key: newKey() }), 404);

      const made = async (start: string, end: string) =>
        BookingConfirmation.parse(await (await call(app, 'POST', '/api/bookings', { body: visio(start, end), key: newKey() })).json());
      const one = await made('2026-12-09T09:00:00+01:00', '2026-12-09T09:30:00+01:00');
      const two = await made('2026-12-09T09:30:00+01:00', '2026-12-09T10:00:00+01:00');
      // Onto a taken slot: 409 slot-taken; onto a time that is not a slot: 422; onto itself: fine.
      await problem(await call(app, 'POST', `/api/bookings/${one.token}/reschedule`, { body: { start: two.booking.start, end: two.booking.end }, key: newKey() }), 409, 'slot-taken');
      await problem(await call(app, 'POST', `/api/bookings/${one.token}/reschedule`, { body: { start: '2026-12-09T12:00:00+01:00', end: '2026-12-09T12:30:00+01:00' }, key: newKey() }), 422);
      await problem(await call(app, 'POST', `/api/bookings/${one.token}/reschedule`, { body: { start: '2026-12-09T09:00:00+01:00' }, key: newKey() }), 422);
      const same = await call(app, 'POST', `/api/bookings/${one.token}/reschedule`, { body: { start: one.booking.start, end: one.booking.end }, key: newKey() });
      assert.equal(same.status, 200);
      // Cancelled: 409 booking-cancelled on a move.
      await call(app, 'POST', `/api/bookings/${two.token}/cancel`, { key: newKey() });
      await problem(await call(app, 'POST', `/api/bookings/${two.token}/reschedule`, { body: { start: '2026-12-09T10:00:00+01:00', end: '2026-12-09T10:30:00+01:00' }, key: newKey() }), 409, 'booking-cancelled');
      // Once started: 409 booking-past for a cancel and a move.
      const later = testApp(db, { now: () => new Date('2026-12-09T09:10:00+01:00') });
      await problem(await call(later.app, 'POST', `/api/bookings/${one.token}/cancel`, { key: newKey() }), 409, 'booking-past');
      await problem(await call(later.app, 'POST', `/api/bookings/${one.token}/reschedule`, { body: { start: '2026-12-10T09:00:00+01:00', end: '2026-12-10T09:30:00+01:00' }, key: newKey() }), 409, 'booking-past');
      // A cancelled booking cancelled again after its start still answers the same.
      assert.equal((await call(later.app, 'POST', `/api/bookings/${two.token}/cancel`, { key: newKey() })).status, 200);
      assert.equal((await findStatus(db, one.booking.id)), 'confirmed');
      assert.deepEqual(errors, []);
      assert.deepEqual(later.errors, []);
    });

    it('books across the spring clock change: 09:00 Paris is 07:00 UTC in summer', async () => {
      const { app, errors } = testApp(db, { now: () => new Date('2027-03-26T08:00:00+01:00') });
      // Easter Monday 29 March 2027 is a public holiday.
      await problem(await call(app, 'POST', '/api/bookings', { body: visio('2027-03-29T09:00:00+02:00', '2027-03-29T09:30:00+02:00'), key: newKey() }), 422);
      // The winter offset on a summer day names 10:00 Paris, a slot too; the body may use any offset.
      const res = await call(app, 'POST', '/api/bookings', { body: visio('2027-03-30T07:00:00Z', '2027-03-30T07:30:00Z'), key: newKey() });
      assert.equal(res.status, 201, await res.clone().text());
      const body = BookingConfirmation.parse(await res.json());
      assert.equal(body.booking.start, '2027-03-30T09:00:00+02:00');
      const ics = (await (await call(app, 'GET', body.icsUrl)).text()).replace(/\r\n /g, '');
      assert.ok(ics.includes('\r\nDTSTART:20270330T070000Z\r\n'));
      // 02:30 on 28 March does not exist; a Sunday anyway: refused.
      await problem(await call(app, 'POST', '/api/bookings', { body: visio('2027-03-28T02:30:00+01:00', '2027-03-28T03:00:00+01:00'), key: newKey() }), 422);
      assert.deepEqual(errors, []);
    });
  });
}

async function findStatus(db: Database, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ status: string }>('SELECT status FROM bookings WHERE id = $1', [id]);
  return row?.status;
}
