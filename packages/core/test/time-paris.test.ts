// The system time-zone database is the oracle here: this process runs in Europe/Paris time.
process.env.TZ = 'Europe/Paris';

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  PARIS_TIME_ZONE,
  addDaysToDate,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  fromParis,
  isLeapYear,
  isoWeek,
  isoWeekday,
  parisDate,
  parisOffsetMinutes,
  parisWallRange,
  parseIsoDate,
  startOfIsoWeek,
  startOfParisDay,
  toParis,
} from '../src/time/index.js';

const iso = (d: Date): string => d.toISOString();

describe('toParis', () => {
  it('reads the wall clock in winter (UTC+1) and in summer (UTC+2)', () => {
    assert.deepEqual(toParis(new Date('2026-01-15T08:30:15Z')), { year: 2026, month: 1, day: 15, hour: 9, minute: 30, second: 15, weekday: 4 });
    assert.deepEqual(toParis(new Date('2026-07-14T08:00:00Z')), { year: 2026, month: 7, day: 14, hour: 10, minute: 0, second: 0, weekday: 2 });
    assert.deepEqual(toParis(new Date('2026-12-31T23:30:00Z')), { year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 0, weekday: 5 });
  });

  it('jumps from 01:59:59 to 03:00 on the last Sunday of March, back from 02:59:59 to 02:00 in October', () => {
    assert.equal(toParis(new Date('2026-03-29T00:59:59Z')).hour, 1);
    assert.deepEqual(toParis(new Date('2026-03-29T01:00:00Z')), { year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0, weekday: 7 });
    assert.equal(toParis(new Date('2026-10-25T00:59:59Z')).hour, 2);
    assert.equal(toParis(new Date('2026-10-25T01:00:00Z')).hour, 2);
    assert.equal(toParis(new Date('2026-10-25T02:00:00Z')).hour, 3);
    assert.equal(parisOffsetMinutes(new Date('2026-10-25T00:59:59Z')), 120);
    assert.equal(parisOffsetMinutes(new Date('2026-10-25T01:00:00Z')), 60);
  });

  it('agrees with the system time-zone database from 1975 to 2100', () => {
    assert.equal(new Date(2026, 0, 1).getTimezoneOffset(), -60, 'the test runs in Europe/Paris');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1975, 0, 1), max: Date.UTC(2100, 11, 31) }), (ms) => {
        const d = new Date(ms);
        const p = toParis(d);
        const local = [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getDay() || 7];
        assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute, p.second, p.weekday], local);
        assert.equal(parisOffsetMinutes(d), -d.getTimezoneOffset());
      }),
      { seed: 1975, numRuns: 20_000 },
    );
  });

  it('rejects an invalid date', () => {
    assert.throws(() => toParis(new Date(Number.NaN)), RangeError);
    assert.throws(() => parisDate(new Date('nope')), RangeError);
  });
});

describe('fromParis', () => {
  it('gives the instant of a wall time, in winter and in summer', () => {
    assert.equal(iso(fromParis({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 })), '2026-01-15T08:30:00.000Z');
    assert.equal(iso(fromParis({ year: 2026, month: 7, day: 14, hour: 9 })), '2026-07-14T07:00:00.000Z');
    assert.equal(iso(fromParis({ year: 2026, month: 7, day: 14 })), '2026-07-13T22:00:00.000Z');
  });

  it('maps a time in the spring-forward gap to the first valid instant (03:00 CEST)', () => {
    for (const minute of [0, 1, 30, 59]) {
      assert.equal(iso(fromParis({ year: 2026, month: 3, day: 29, hour: 2, minute })), '2026-03-29T01:00:00.000Z');
    }
    assert.equal(iso(fromParis({ year: 2026, month: 3, day: 29, hour: 1, minute: 59 })), '2026-03-29T00:59:00.000Z');
    assert.equal(iso(fromParis({ year: 2026, month: 3, day: 29, hour: 3 })), '2026-03-29T01:00:00.000Z');
  });

  it('maps an ambiguous autumn time to its first occurrence (still UTC+2)', () => {
    assert.equal(iso(fromParis({ year: 2026, month: 10, day: 25, hour: 2 })), '2026-10-25T00:00:00.000Z');
    assert.equal(iso(fromParis({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 })), '2026-10-25T00:30:00.000Z');
    assert.equal(iso(fromParis({ year: 2026, month: 10, day: 25, hour: 3 })), '2026-10-25T02:00:00.000Z');
    assert.equal(iso(fromParis({ year: 2025, month: 10, day: 26, hour: 2, minute: 15 })), '2025-10-26T00:15:00.000Z');
  });

  it('lets fields overflow like Date.UTC', () => {
    assert.equal(iso(fromParis({ year: 2026, month: 1, day: 15, hour: 24 })), '2026-01-15T23:00:00.000Z');
    assert.equal(iso(fromParis({ year: 2026, month: 1, day: 15, minute: 90 })), '2026-01-15T00:30:00.000Z');
    assert.equal(iso(fromParis({ year: 2026, month: 3, day: 0 })), '2026-02-27T23:00:00.000Z');
  });

  it('is the inverse of toParis, except in the repeated autumn hour where it picks the first occurrence', () => {
    for (const day of ['2026-03-29', '2026-10-25', '2026-07-01']) {
      const start = startOfParisDay(day).getTime();
      for (let t = start - 3_600_000; t < start + 27 * 3_600_000; t += 5 * 60_000) {
        const p = toParis(new Date(t));
        const back = fromParis(p).getTime();
        const repeated = day === '2026-10-25' && t >= Date.UTC(2026, 9, 25, 1) && t < Date.UTC(2026, 9, 25, 2);
        assert.equal(back, repeated ? t - 3_600_000 : t, new Date(t).toISOString());
      }
    }
  });

  it('agrees with the system for every quarter hour of 2026 outside the gap (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 95 }), (dayOfYear, quarter) => {
        const date = new Date(Date.UTC(2026, 0, 1 + dayOfYear));
        const wall = { year: 2026, month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(quarter / 4), minute: (quarter % 4) * 15 };
        const local = new Date(2026, wall.month - 1, wall.day, wall.hour, wall.minute);
        if (local.getHours() !== wall.hour) return; // in the gap, JavaScript moves on by an hour; we stop at 03:00
        assert.equal(fromParis(wall).getTime(), local.getTime());
      }),
      { seed: 2026, numRuns: 5000 },
    );
  });
});

describe('calendar dates', () => {
  it('formats and parses YYYY-MM-DD, checking the day exists', () => {
    assert.equal(formatIsoDate({ year: 2026, month: 3, day: 9 }), '2026-03-09');
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-2-3', '26-02-03', '2026-02-03T00:00', '']) {
      assert.throws(() => parseIsoDate(bad), RangeError, bad);
    }
  });

  it('knows leap years and month lengths', () => {
    assert.deepEqual([1900, 2000, 2024, 2026, 2100].map(isLeapYear), [false, true, true, false, false]);
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => daysInMonth(2026, i + 1)),
      [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    );
    assert.equal(daysInMonth(2024, 2), 29);
  });

  it('adds days across months, years and leap days', () => {
    assert.equal(addDaysToDate('2024-02-28', 1), '2024-02-29');
    assert.equal(addDaysToDate('2026-02-28', 1), '2026-03-01');
    assert.equal(addDaysToDate('2026-12-31', 1), '2027-01-01');
    assert.equal(addDaysToDate('2026-01-01', -1), '2025-12-31');
    assert.equal(addDaysToDate('2026-03-28', 2), '2026-03-30', 'a DST change does not matter to dates');
    assert.equal(addDaysToDate('2026-01-01', 365), '2027-01-01');
    assert.throws(() => addDaysToDate('2026-01-01', 0.5), RangeError);
    assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
    assert.equal(daysBetween('2026-03-30', '2026-03-28'), -2);
  });

  it('gives the Paris date of an instant', () => {
    assert.equal(parisDate(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
    assert.equal(parisDate(new Date('2026-12-31T22:59:59Z')), '2026-12-31');
    assert.equal(parisDate(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
  });
});

describe('ISO weeks', () => {
  it('numbers weeks from the one holding the first Thursday', () => {
    assert.deepEqual(isoWeek('2026-01-01'), { year: 2026, week: 1 });
    assert.deepEqual(isoWeek('2025-12-29'), { year: 2026, week: 1 });
    assert.deepEqual(isoWeek('2026-12-31'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeek('2027-01-03'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeek('2027-01-04'), { year: 2027, week: 1 });
    assert.deepEqual(isoWeek('2024-12-30'), { year: 2025, week: 1 });
    assert.deepEqual(isoWeek('2021-01-03'), { year: 2020, week: 53 });
    assert.deepEqual(isoWeek('2026-03-29'), { year: 2026, week: 13 });
  });

  it('matches the definition on every day from 1990 to 2040 (Monday starts a week, week 1 holds 4 January)', () => {
    let previous = isoWeek('1989-12-31');
    for (let date = '1990-01-01'; date < '2041-01-01'; date = addDaysToDate(date, 1)) {
      const week = isoWeek(date);
      const weekday = isoWeekday(date);
      if (weekday === 1) {
        const jan4 = `${week.year}-01-04`;
        const expected = week.year === previous.year ? previous.week + 1 : 1;
        assert.equal(week.week, expected, date);
        if (week.week === 1) assert.ok(daysBetween(date, jan4) >= 0 && daysBetween(date, jan4) < 7, date);
      } else {
        assert.deepEqual(week, previous, date);
      }
      previous = week;
    }
  });

  it('gives weekdays and the Monday of a week', () => {
    assert.equal(isoWeekday('2026-03-29'), 7);
    assert.equal(isoWeekday('2026-03-30'), 1);
    assert.equal(startOfIsoWeek('2026-03-29'), '2026-03-23');
    assert.equal(startOfIsoWeek('2027-01-01'), '2026-12-28');
  });
});

describe('Paris days and wall ranges', () => {
  it('starts a day at midnight in Paris, whatever the offset', () => {
    assert.equal(iso(startOfParisDay('2026-03-29')), '2026-03-28T23:00:00.000Z');
    assert.equal(iso(startOfParisDay('2026-03-30')), '2026-03-29T22:00:00.000Z');
    assert.equal(iso(startOfParisDay('2026-10-25')), '2026-10-24T22:00:00.000Z');
    assert.equal(iso(startOfParisDay('2026-10-26')), '2026-10-25T23:00:00.000Z');
    assert.equal(iso(startOfParisDay(new Date('2026-10-25T12:00:00Z'))), '2026-10-24T22:00:00.000Z');
  });

  it('maps wall-clock ranges to instants: 23 hours in March, 25 in October', () => {
    const length = (date: string): number =>
      parisWallRange(date, 0, 1440).reduce((sum, r) => sum + r.end.getTime() - r.start.getTime(), 0) / 3_600_000;
    assert.equal(length('2026-03-29'), 23);
    assert.equal(length('2026-10-25'), 25);
    assert.equal(length('2026-07-01'), 24);
    assert.deepEqual(parisWallRange('2026-03-29', 60, 240).map((r) => [iso(r.start), iso(r.end)]), [['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
    assert.deepEqual(parisWallRange('2026-03-29', 130, 170), [], 'inside the gap');
    assert.deepEqual(parisWallRange('2026-10-25', 135, 165).map((r) => [iso(r.start), iso(r.end)]), [
      ['2026-10-25T00:15:00.000Z', '2026-10-25T00:45:00.000Z'],
      ['2026-10-25T01:15:00.000Z', '2026-10-25T01:45:00.000Z'],
    ]);
    assert.deepEqual(parisWallRange('2026-01-15', 540, 720).map((r) => [iso(r.start), iso(r.end)]), [['2026-01-15T08:00:00.000Z', '2026-01-15T11:00:00.000Z']]);
    assert.throws(() => parisWallRange('2026-01-15', -1, 10), RangeError);
    assert.throws(() => parisWallRange('2026-01-15', 0, 1441), RangeError);
  });

  it('names its time zone', () => {
    assert.equal(PARIS_TIME_ZONE, 'Europe/Paris');
  });
});
