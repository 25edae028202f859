import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Channel } from '../src/schemas/index.js';
import type { SlotBooking, SlotCheck, SlotQuery } from '../src/slots/index.js';
import { isOpenAt, isPublicHoliday, parseOpeningHours } from '../src/hours/index.js';
import { checkSlot, listFreeSlots } from '../src/slots/index.js';
import { parisDate } from '../src/time/index.js';

const reason = (c: SlotCheck): string => (c.ok ? 'ok' : c.reason);

/** Monday 5 January 2026, 09:00 Paris; an agency on Tuesday and Thursday mornings at a site open on weekdays. */
const base: SlotQuery = {
  siteHours: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
  receiverHours: 'Tu,Th 09:00-12:00',
  motif: { durationMinutes: 30, channels: ['on-site', 'visio'] },
  channel: 'on-site',
  now: new Date('2026-01-05T08:00:00Z'),
};

describe('checkSlot', () => {
  it('accepts a free slot on the grid, with or without its end', () => {
    assert.deepEqual(checkSlot({ start: '2026-01-06T09:30:00+01:00' }, base), { ok: true });
    assert.deepEqual(checkSlot({ start: new Date('2026-01-06T08:30:00Z'), end: new Date('2026-01-06T09:00:00Z') }, base), { ok: true });
  });

  it('says why a time is refused, in English and French', () => {
    assert.deepEqual(checkSlot({ start: '2026-01-06T09:10:00+01:00' }, base), {
      ok: false,
      reason: 'misaligned',
      message: 'This time is not one of the proposed slots.',
      messageFr: 'Cet horaire ne correspond pas à un créneau proposé.',
    });
    assert.equal(reason(checkSlot({ start: '2026-01-06T09:00:00+01:00', end: '2026-01-06T10:00:00+01:00' }, base)), 'misaligned');
    assert.equal(reason(checkSlot({ start: '2026-01-06T14:00:00+01:00' }, base)), 'outside-hours', 'the agency is not there in the afternoon');
    assert.equal(reason(checkSlot({ start: '2026-01-07T09:00:00+01:00' }, base)), 'outside-hours', 'nor on Wednesday');
    assert.equal(reason(checkSlot({ start: '2026-01-06T11:45:00+01:00' }, base)), 'outside-hours', 'runs past noon');
    const phone = checkSlot({ start: '2026-01-06T09:00:00+01:00' }, { ...base, channel: 'phone' });
    assert.deepEqual(phone, {
      ok: false,
      reason: 'channel',
      message: 'This kind of appointment is not given by phone.',
      messageFr: 'Ce type de rendez-vous ne se fait pas par téléphone.',
    });
    const far = checkSlot({ start: '2026-06-02T09:00:00+02:00' }, base);
    assert.equal(far.ok ? '' : far.messageFr, 'Un rendez-vous se prend au plus 92\u00a0jours à l’avance.');
    const soon = checkSlot({ start: '2026-01-06T09:00:00+01:00' }, { ...base, motif: { ...base.motif, minNoticeMinutes: 2880 } });
    assert.equal(soon.ok ? '' : soon.message, 'Appointments must be booked at least 2\u00a0days ahead.');
  });

  it('refuses a slot across midnight even when the hours run through it', () => {
    const q: SlotQuery = { ...base, siteHours: '24/7', receiverHours: '24/7', motif: { durationMinutes: 60, channels: ['on-site'] }, stepMinutes: 30 };
    assert.equal(reason(checkSlot({ start: '2026-01-06T23:30:00+01:00' }, q)), 'outside-hours');
    assert.equal(reason(checkSlot({ start: '2026-01-06T23:00:00+01:00' }, q)), 'ok');
  });
});

// Hours with lunch breaks, odd minutes, Saturdays, holidays and clock-change nights.
const hoursTexts = [
  'Mo-Fr 09:00-12:00,14:00-17:00',
  'Mo,We,Fr 08:30-12:30',
  'Tu-Th 09:15-11:45,13:30-16:10',
  'Mo-Sa 10:00-19:00; PH off',
  'Su 00:30-04:00; Sa 01:00-03:30',
  '24/7',
  'We[1,3],Fr[-1] 09:00-12:00,14:00-16:00',
  'Mo-Fr 09:00-12:00; Mar 25-Apr 10 Mo-Fr 13:00-18:00; PH 10:00-11:00',
] as const;
const channels: readonly Channel[] = ['on-site', 'phone', 'visio'];
const FIVE_MIN = 300_000;
const DAY = 86_400_000;

const caseArbitrary = fc
  .record({
    receiver: fc.constantFrom(...hoursTexts),
    site: fc.option(fc.constantFrom(...hoursTexts), { nil: undefined }),
    channel: fc.constantFrom(...channels),
    offered: fc.subarray([...channels], { minLength: 1 }),
    durationMinutes: fc.constantFrom(15, 20, 30, 45, 60, 90),
    bufferMinutes: fc.constantFrom(0, 5, 10, 15),
    minNoticeMinutes: fc.constantFrom(0, 30, 60, 1440),
    horizonDays: fc.integer({ min: 1, max: 14 }),
    stepMinutes: fc.option(fc.constantFrom(10, 15, 30), { nil: undefined }),
    capacity: fc.integer({ min: 1, max: 3 }),
    holidays: fc.constantFrom('france' as const, 'alsace-moselle' as const, 'none' as const),
    // Any 5-minute mark of 2026: clock changes and holidays come up.
    now: fc.integer({ min: 0, max: 365 * 288 }).map((k) => new Date(Date.UTC(2026, 0, 1) + k * FIVE_MIN)),
    bookings: fc.array(
      fc.record({ at: fc.integer({ min: 0, max: 14 * 288 }), minutes: fc.constantFrom(15, 30, 45, 60, 120), cancelled: fc.boolean() }),
      { maxLength: 15 },
    ),
    absences: fc.array(fc.record({ at: fc.integer({ min: 0, max: 14 * 288 }), minutes: fc.integer({ min: 5, max: 600 }) }), { maxLength: 3 }),
    probes: fc.array(fc.integer({ min: -288, max: 16 * 288 }), { minLength: 20, maxLength: 60 }),
  })
  .map((c) => {
    const t0 = c.now.getTime();
    const bookings: SlotBooking[] = c.bookings.map((b) => ({
      start: new Date(t0 + b.at * FIVE_MIN).toISOString(),
      end: new Date(t0 + b.at * FIVE_MIN + b.minutes * 60_000).toISOString(),
      status: b.cancelled ? ('cancelled' as const) : ('confirmed' as const),
    }));
    const query: SlotQuery = {
      receiverHours: c.receiver,
      ...(c.site === undefined ? {} : { siteHours: c.site }),
      motif: {
        durationMinutes: c.durationMinutes,
        channels: c.offered,
        bufferMinutes: c.bufferMinutes,
        minNoticeMinutes: c.minNoticeMinutes,
        horizonDays: c.horizonDays,
      },
      channel: c.channel,
      bookings,
      absences: c.absences.map((a) => ({ start: new Date(t0 + a.at * FIVE_MIN), end: new Date(t0 + a.at * FIVE_MIN + a.minutes * 60_000) })),
      capacity: c.capacity,
      holidays: c.holidays,
      now: c.now,
      ...(c.stepMinutes === undefined ? {} : { stepMinutes: c.stepMinutes }),
    };
    return { query, probes: c.probes.map((k) => new Date(t0 + k * FIVE_MIN)) };
  });

describe('checkSlot agrees with listFreeSlots (fast-check, fixed seed)', () => {
  it('accepts every listed slot, and only those, in hundreds of generated cases', () => {
    let listed = 0;
    fc.assert(
      fc.property(caseArbitrary, ({ query, probes }) => {
        const slots = listFreeSlots(query);
        listed += slots.length;
        const starts = new Set(slots.map((s) => s.start.getTime()));
        for (let i = 1; i < slots.length; i++) assert.ok((slots[i]?.start.getTime() ?? 0) > (slots[i - 1]?.start.getTime() ?? 0), 'sorted');
        for (const s of slots) assert.deepEqual(checkSlot(s, query), { ok: true }, s.start.toISOString());
        for (const p of probes) {
          const check = checkSlot({ start: p }, query);
          assert.equal(check.ok, starts.has(p.getTime()), `${p.toISOString()}: ${reason(check)}`);
        }
        assert.deepEqual(listFreeSlots(query), slots, 'deterministic');
      }),
      { seed: 20260329, numRuns: 300 },
    );
    assert.ok(listed > 10_000, `only ${String(listed)} slots were generated`);
  });

  it('refuses with "taken" a free slot that a booking now overlaps (capacity 1)', () => {
    let taken = 0;
    fc.assert(
      fc.property(caseArbitrary, ({ query }) => {
        const single: SlotQuery = { ...query, capacity: 1 };
        const bookings = (single.bookings ?? []).filter((b) => b.status !== 'cancelled');
        const buffer = (single.motif.bufferMinutes ?? 0) * 60_000;
        const blocks = bookings.map((b) => [Date.parse(String(b.start)), Date.parse(String(b.end)) + buffer] as const);
        for (const slot of listFreeSlots({ ...single, bookings: [] })) {
          const [s, e] = [slot.start.getTime(), slot.end.getTime() + buffer];
          const hit = blocks.some(([a, b]) => a < e && s < b);
          assert.equal(reason(checkSlot(slot, single)), hit ? 'taken' : 'ok');
          if (hit) taken++;
        }
      }),
      { seed: 1052026, numRuns: 400 },
    );
    assert.ok(taken > 100, `only ${String(taken)} taken slots were generated`);
  });

  it('gives only slots open in the hours that apply, never on a public holiday, never across midnight', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ query }) => {
        const options = { holidays: query.holidays ?? 'france' };
        const hours = [query.receiverHours, ...(query.channel === 'phone' || query.siteHours === undefined ? [] : [query.siteHours])].map((h) =>
          typeof h === 'string' ? parseOpeningHours(h) : h,
        );
        for (const s of listFreeSlots(query)) {
          for (const oh of hours) {
            assert.ok(isOpenAt(oh, s.start, options) && isOpenAt(oh, new Date(s.end.getTime() - 1), options), s.start.toISOString());
          }
          const minutes = (s.end.getTime() - s.start.getTime()) / 60_000;
          assert.equal(minutes, query.motif.durationMinutes);
          if (query.holidays !== 'none') assert.equal(isPublicHoliday(parisDate(s.start), query.holidays), false, s.start.toISOString());
          assert.equal(parisDate(s.start), parisDate(new Date(s.end.getTime() - 1)), 'within one Paris day');
          assert.ok(s.start.getTime() >= query.now.getTime() + (query.motif.minNoticeMinutes ?? 30) * 60_000);
          assert.ok(s.start.getTime() < query.now.getTime() + ((query.motif.horizonDays ?? 92) + 2) * DAY);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
