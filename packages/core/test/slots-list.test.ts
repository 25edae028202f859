import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpeningHours } from '../src/hours/index.js';
import type { SlotQuery } from '../src/slots/index.js';
import { checkSlot, listFreeSlots, nextFreeSlots } from '../src/slots/index.js';
import { toParis } from '../src/time/index.js';

const iso = (slots: readonly { start: Date }[]): string[] => slots.map((s) => s.start.toISOString());
const parisHm = (d: Date): string => {
  const p = toParis(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

/** A Tuesday-morning agency at a site open on weekdays; now is Monday 5 January 2026, 09:00 Paris. */
function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    siteHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
    receiverHours: 'Tu 09:00-12:00',
    motif: { durationMinutes: 30, channels: ['on-site', 'phone', 'visio'] },
    channel: 'on-site',
    now: new Date('2026-01-05T08:00:00Z'),
    to: new Date('2026-01-07T00:00:00Z'),
    ...overrides,
  };
}

describe('listFreeSlots: hours', () => {
  it('lists the slots where the site and the agency are both open, in Paris time (winter: UTC+1)', () => {
    assert.deepEqual(iso(listFreeSlots(query())), [
      '2026-01-06T08:00:00.000Z',
      '2026-01-06T08:30:00.000Z',
      '2026-01-06T09:00:00.000Z',
      '2026-01-06T09:30:00.000Z',
      '2026-01-06T10:00:00.000Z',
      '2026-01-06T10:30:00.000Z',
    ]);
    const [first] = listFreeSlots(query());
    assert.equal(first?.end.toISOString(), '2026-01-06T08:30:00.000Z');
  });

  it('accepts parsed hours as well as OSM text, with the same result', () => {
    const parsed = query({ siteHours: parseOpeningHours('Mo-Fr 09:00-12:00,14:00-17:00'), receiverHours: parseOpeningHours('Tu 09:00-12:00') });
    assert.deepEqual(listFreeSlots(parsed), listFreeSlots(query()));
  });

  it('gives phone appointments in the agent’s hours even when the site is closed', () => {
    const q = query({ receiverHours: 'Tu 08:00-18:00', siteHours: 'Mo-Fr 09:00-12:00' });
    const phone = listFreeSlots({ ...q, channel: 'phone' }).map((s) => parisHm(s.start));
    assert.equal(phone[0], '08:00');
    assert.equal(phone.at(-1), '17:30');
    assert.equal(phone.length, 20);
    const onSite = listFreeSlots(q).map((s) => parisHm(s.start));
    assert.deepEqual([onSite[0], onSite.at(-1), onSite.length], ['09:00', '11:30', 6]);
    const visio = listFreeSlots({ ...q, channel: 'visio' });
    assert.equal(visio.length, 6, 'a visio call from the site needs the site open');
  });

  it('has no slot for a channel the motif does not offer', () => {
    const q = query({ motif: { durationMinutes: 30, channels: ['on-site'] }, channel: 'phone' });
    assert.deepEqual(listFreeSlots(q), []);
    assert.equal(checkSlot({ start: '2026-01-06T09:00:00+01:00' }, q).ok, false);
  });

  it('keeps a slot from running past the end of an interval, and starts the grid at each interval', () => {
    const q = query({ receiverHours: 'Tu 09:00-10:50,14:10-15:00', motif: { durationMinutes: 40, channels: ['on-site'] } });
    assert.deepEqual(listFreeSlots(q).map((s) => parisHm(s.start)), ['09:00', '09:40', '14:10']);
  });

  it('uses stepMinutes for the grid', () => {
    const q = query({ receiverHours: 'Tu 09:00-10:00', stepMinutes: 15 });
    assert.deepEqual(listFreeSlots(q).map((s) => parisHm(s.start)), ['09:00', '09:15', '09:30']);
  });
});

describe('listFreeSlots: clock changes', () => {
  const week = (now: string, to: string): SlotQuery =>
    query({ receiverHours: 'Mo-Fr 09:00-12:00', now: new Date(now), to: new Date(to), motif: { durationMinutes: 60, channels: ['on-site'] } });

  it('keeps 09:00 at 09:00 Paris across the spring-forward weekend (2026-03-29)', () => {
    const slots = listFreeSlots(week('2026-03-26T12:00:00Z', '2026-03-31T00:00:00Z'));
    assert.deepEqual(iso(slots), [
      '2026-03-27T08:00:00.000Z', // Friday, CET
      '2026-03-27T09:00:00.000Z',
      '2026-03-27T10:00:00.000Z',
      '2026-03-30T07:00:00.000Z', // Monday, CEST
      '2026-03-30T08:00:00.000Z',
      '2026-03-30T09:00:00.000Z',
    ]);
    for (const s of slots) assert.equal(s.end.getTime() - s.start.getTime(), 3_600_000);
  });

  it('keeps 09:00 at 09:00 Paris across the fall-back weekend (2026-10-25)', () => {
    const slots = listFreeSlots(week('2026-10-22T12:00:00Z', '2026-10-27T00:00:00Z'));
    assert.deepEqual(
      iso(slots).filter((_, i) => i % 3 === 0),
      ['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z'],
    );
  });

  it('has nothing between 02:00 and 03:00 on the spring-forward night', () => {
    const q = query({
      receiverHours: 'Su 01:00-04:00',
      siteHours: '24/7',
      now: new Date('2026-03-28T12:00:00Z'),
      to: new Date('2026-03-30T00:00:00Z'),
    });
    const slots = listFreeSlots(q);
    assert.deepEqual(slots.map((s) => parisHm(s.start)), ['01:00', '01:30', '03:00', '03:30']);
    assert.equal(iso(slots)[2], '2026-03-29T01:00:00.000Z');
  });

  it('gives both 02:00 of the fall-back night, an hour apart', () => {
    const q = query({
      receiverHours: 'Su 01:00-04:00',
      siteHours: '24/7',
      motif: { durationMinutes: 60, channels: ['on-site'] },
      now: new Date('2026-10-24T12:00:00Z'),
      to: new Date('2026-10-26T00:00:00Z'),
    });
    const slots = listFreeSlots(q);
    assert.deepEqual(slots.map((s) => parisHm(s.start)), ['01:00', '02:00', '02:00', '03:00']);
    assert.deepEqual(iso(slots), ['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z']);
  });
});

describe('listFreeSlots: public holidays', () => {
  const may = query({ receiverHours: 'Mo-Fr 09:00-10:00', now: new Date('2026-04-27T12:00:00Z'), to: new Date('2026-05-09T00:00:00Z') });

  it('has no slot on 1 May nor on 8 May', () => {
    const days = new Set(listFreeSlots(may).map((s) => s.start.toISOString().slice(0, 10)));
    assert.deepEqual([...days], ['2026-04-28', '2026-04-29', '2026-04-30', '2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07']);
    const check = checkSlot({ start: '2026-05-01T09:00:00+02:00' }, may);
    assert.deepEqual(check, { ok: false, reason: 'holiday', message: 'This day is a public holiday.', messageFr: 'Ce jour est férié.' });
  });

  it('keeps holidays open when told there are none', () => {
    const slots = listFreeSlots({ ...may, holidays: 'none' });
    assert.ok(slots.some((s) => s.start.toISOString().startsWith('2026-05-01')));
  });

  it('closes Good Friday only in Alsace-Moselle', () => {
    const easter = query({ receiverHours: 'Mo-Fr 09:00-10:00', now: new Date('2026-03-30T12:00:00Z'), to: new Date('2026-04-04T00:00:00Z') });
    const goodFriday = (q: SlotQuery) => listFreeSlots(q).filter((s) => s.start.toISOString().startsWith('2026-04-03')).length;
    assert.equal(goodFriday(easter), 2);
    assert.equal(goodFriday({ ...easter, holidays: 'alsace-moselle' }), 0);
    assert.equal(checkSlot({ start: '2026-04-03T09:00:00+02:00' }, { ...easter, holidays: 'alsace-moselle' }).ok, false);
    assert.deepEqual(checkSlot({ start: '2026-04-03T09:00:00+02:00' }, easter), { ok: true });
  });
});

describe('listFreeSlots: booking window', () => {
  it('allows a slot exactly minNoticeMinutes ahead, and not one minute less', () => {
    // Tuesday 6 January 2026 at 09:30 Paris: the 10:00 slot is exactly 30 minutes ahead.
    const exactly = query({ now: new Date('2026-01-06T08:30:00Z') });
    assert.equal(listFreeSlots(exactly)[0]?.start.toISOString(), '2026-01-06T09:00:00.000Z');
    assert.deepEqual(checkSlot({ start: '2026-01-06T10:00:00+01:00' }, exactly), { ok: true });
    const late = query({ now: new Date('2026-01-06T08:31:00Z') });
    assert.equal(listFreeSlots(late)[0]?.start.toISOString(), '2026-01-06T09:30:00.000Z');
    const check = checkSlot({ start: '2026-01-06T10:00:00+01:00' }, late);
    assert.equal(check.ok ? 'ok' : check.reason, 'too-soon');
    assert.equal(check.ok ? '' : check.messageFr, 'Un rendez-vous se prend au moins 30\u00a0minutes à l’avance.');
  });

  it('books up to the end of the horizon’s last day, in Paris, and not the day after', () => {
    const q = query({
      receiverHours: 'Mo-Fr 09:00-17:00',
      motif: { durationMinutes: 60, channels: ['on-site'], horizonDays: 2 },
      now: new Date('2026-01-05T09:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    });
    const slots = listFreeSlots(q);
    assert.equal(slots.at(-1)?.start.toISOString(), '2026-01-07T15:00:00.000Z'); // Wednesday 16:00 Paris
    assert.deepEqual(checkSlot({ start: '2026-01-07T16:00:00+01:00' }, q), { ok: true });
    const tooFar = checkSlot({ start: '2026-01-08T09:00:00+01:00' }, q);
    assert.equal(tooFar.ok ? 'ok' : tooFar.reason, 'too-far');
  });

  it('stops at the default 92-day horizon', () => {
    const q = query({ receiverHours: 'Mo-Fr 09:00-10:00', to: new Date('2027-01-01T00:00:00Z') });
    assert.equal(listFreeSlots(q).at(-1)?.start.toISOString(), '2026-04-07T07:30:00.000Z'); // 5 Jan + 92 days, 09:30 CEST
  });

  it('lists only between from and to, without moving the grid', () => {
    const q = query({ from: new Date('2026-01-06T08:40:00Z'), to: new Date('2026-01-06T10:00:00Z') });
    assert.deepEqual(listFreeSlots(q).map((s) => parisHm(s.start)), ['10:00', '10:30']);
  });
});

describe('listFreeSlots: bookings, buffers, capacity, absences', () => {
  const booking = (start: string, end: string, status?: 'cancelled' | 'confirmed') =>
    status === undefined ? { start, end } : { start, end, status };
  const morning = query({ receiverHours: 'Tu 09:00-12:00' });
  const times = (q: SlotQuery) => listFreeSlots(q).map((s) => parisHm(s.start));

  it('steps by duration + buffer and lets the buffer run past closing time', () => {
    const q = query({ receiverHours: 'Tu 09:00-11:50', motif: { durationMinutes: 30, bufferMinutes: 15, channels: ['on-site'] } });
    assert.deepEqual(times(q), ['09:00', '09:45', '10:30', '11:15']);
  });

  it('blocks a booking and its buffer', () => {
    const motif = { durationMinutes: 30, bufferMinutes: 15, channels: ['on-site' as const] };
    const q = query({ receiverHours: 'Tu 09:00-12:00', motif, bookings: [booking('2026-01-06T09:45:00+01:00', '2026-01-06T10:15:00+01:00')] });
    assert.deepEqual(times(q), ['09:00', '10:30', '11:15']);
    // A booking off the grid (another motif) at 10:00–10:30 blocks until 10:45.
    const other = { ...q, bookings: [booking('2026-01-06T10:00:00+01:00', '2026-01-06T10:30:00+01:00')] };
    assert.deepEqual(times(other), ['09:00', '11:15']);
    // A slot needs its own buffer before the next booking: 09:45–10:15 + 15 minutes meets a booking at 10:20.
    const next = { ...q, bookings: [booking('2026-01-06T10:20:00+01:00', '2026-01-06T10:50:00+01:00')] };
    assert.deepEqual(times(next), ['09:00', '11:15']);
    const check = checkSlot({ start: '2026-01-06T10:30:00+01:00' }, other);
    assert.equal(check.ok ? 'ok' : check.reason, 'taken');
  });

  it('ignores cancelled bookings', () => {
    const q = { ...morning, bookings: [booking('2026-01-06T09:00:00+01:00', '2026-01-06T12:00:00+01:00', 'cancelled')] };
    assert.equal(times(q).length, 6);
  });

  it('keeps a slot free with capacity 2 and one booking, not with two', () => {
    const one = [booking('2026-01-06T09:00:00+01:00', '2026-01-06T09:30:00+01:00')];
    assert.equal(times({ ...morning, bookings: one })[0], '09:30');
    assert.equal(times({ ...morning, bookings: one, capacity: 2 })[0], '09:00');
    const two = [...one, booking('2026-01-06T09:15:00+01:00', '2026-01-06T09:45:00+01:00')];
    assert.deepEqual(times({ ...morning, bookings: two, capacity: 2 }).slice(0, 2), ['09:30', '10:00']);
    assert.deepEqual(times({ ...morning, bookings: two, capacity: 3 }).slice(0, 1), ['09:00']);
  });

  it('blocks the union of overlapping bookings', () => {
    const q = {
      ...morning,
      bookings: [booking('2026-01-06T09:00:00+01:00', '2026-01-06T10:00:00+01:00'), booking('2026-01-06T09:30:00+01:00', '2026-01-06T10:30:00+01:00')],
    };
    assert.deepEqual(times(q), ['10:30', '11:00', '11:30']);
  });

  it('cuts an interval at an absence without moving the grid', () => {
    const q = { ...morning, absences: [{ start: '2026-01-06T10:15:00+01:00', end: new Date('2026-01-06T10:00:00Z') }] };
    assert.deepEqual(times(q), ['09:00', '09:30', '11:00', '11:30']);
    const check = checkSlot({ start: '2026-01-06T10:30:00+01:00' }, q);
    assert.equal(check.ok ? 'ok' : check.reason, 'absence');
  });

  it('is deterministic for a given now, whatever the order of the bookings', () => {
    const bookings = [
      booking('2026-01-06T11:00:00+01:00', '2026-01-06T11:30:00+01:00'),
      booking('2026-01-06T09:00:00+01:00', '2026-01-06T09:30:00+01:00'),
      booking('2026-01-06T10:00:00+01:00', '2026-01-06T10:45:00+01:00'),
    ];
    const a = listFreeSlots({ ...morning, bookings });
    const b = listFreeSlots({ ...morning, bookings: [...bookings].reverse() });
    assert.deepEqual(a, b);
    assert.deepEqual(listFreeSlots({ ...morning, bookings }), a);
    assert.deepEqual(times({ ...morning, bookings }), ['09:30', '11:30']);
  });
});

describe('nextFreeSlots', () => {
  it('gives the first n free slots, the same as the head of the full list', () => {
    const q = query({ receiverHours: 'Mo-Fr 09:00-12:00', to: new Date('2026-03-01T00:00:00Z') });
    assert.deepEqual(nextFreeSlots(q, 8), listFreeSlots(q).slice(0, 8));
    // Monday from 09:30 (30 minutes' notice): 5 slots, then Tuesday 09:00, 09:30, 10:00.
    assert.equal(nextFreeSlots(q, 8).at(-1)?.start.toISOString(), '2026-01-06T09:00:00.000Z');
  });

  it('gives nothing for n = 0 and refuses a negative n', () => {
    assert.deepEqual(nextFreeSlots(query(), 0), []);
    assert.throws(() => nextFreeSlots(query(), -1), RangeError);
  });
});

describe('inputs', () => {
  it('refuses a capacity, step or date that makes no sense', () => {
    assert.throws(() => listFreeSlots(query({ capacity: 0 })), RangeError);
    assert.throws(() => listFreeSlots(query({ stepMinutes: 0 })), RangeError);
    assert.throws(() => listFreeSlots(query({ bookings: [{ start: 'soon', end: '2026-01-06T09:00:00Z' }] })), RangeError);
  });
});
