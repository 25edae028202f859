import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  dayOpenRanges,
  formatTime,
  fromDailyRanges,
  isOpenAt,
  nextChange,
  openIntervals,
  parseOpeningHours,
  serializeOpeningHours,
  stateAt,
  weekSummary,
} from '../src/hours/index.js';
import type { DailyRanges } from '../src/hours/index.js';
import { fromParis, parisWallRange } from '../src/time/index.js';

/** The instant of a Paris wall time: `at('2026-01-05 09:30')`. */
function at(text: string): Date {
  const [date = '', time = '00:00'] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return fromParis({ year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0 });
}

const oh = parseOpeningHours;
const spans = (list: { start: Date; end: Date }[]): string[][] => list.map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe('isOpenAt and stateAt', () => {
  const office = oh('Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off');

  it('follows the weekly hours, with half-open ranges', () => {
    assert.equal(isOpenAt(office, at('2026-01-07 10:00')), true); // Wednesday
    assert.equal(isOpenAt(office, at('2026-01-07 12:30')), false);
    assert.equal(isOpenAt(office, at('2026-01-07 08:30')), true);
    assert.equal(isOpenAt(office, at('2026-01-07 12:00')), false);
    assert.equal(isOpenAt(office, new Date(at('2026-01-07 12:00').getTime() - 1)), true);
    assert.equal(isOpenAt(office, at('2026-01-10 11:00')), true); // Saturday
    assert.equal(isOpenAt(office, at('2026-01-10 14:00')), false);
    assert.equal(isOpenAt(office, at('2026-01-11 10:00')), false); // Sunday
  });

  it('reads 09:00 on the Paris wall clock, in winter and in summer', () => {
    const tuesday = oh('Tu 09:00-12:00');
    assert.equal(isOpenAt(tuesday, new Date('2026-01-06T08:00:00Z')), true);
    assert.equal(isOpenAt(tuesday, new Date('2026-01-06T07:59:00Z')), false);
    assert.equal(isOpenAt(tuesday, new Date('2026-07-07T07:00:00Z')), true);
    assert.equal(isOpenAt(tuesday, new Date('2026-07-07T06:59:00Z')), false);
    assert.equal(isOpenAt(tuesday, new Date('2026-07-07T10:00:00Z')), false);
  });

  it('closes on public holidays with PH off, of the chosen region', () => {
    assert.equal(isOpenAt(office, at('2026-05-01 10:00')), false); // Fête du Travail, a Friday
    assert.equal(isOpenAt(office, at('2026-05-01 10:00'), { holidays: 'none' }), true);
    assert.equal(isOpenAt(office, at('2026-04-03 10:00')), true); // Good Friday
    assert.equal(isOpenAt(office, at('2026-04-03 10:00'), { holidays: 'alsace-moselle' }), false);
    assert.equal(isOpenAt(office, at('2026-12-26 10:00')), true); // a Saturday
    assert.equal(isOpenAt(office, at('2026-12-26 10:00'), { holidays: 'alsace-moselle' }), false);
  });

  it('opens on public holidays with PH and times', () => {
    const sundays = oh('Su 10:00-12:00; PH 09:00-11:00');
    assert.equal(isOpenAt(sundays, at('2026-12-25 09:30')), true);
    assert.equal(isOpenAt(sundays, at('2026-12-24 09:30')), false);
    assert.equal(isOpenAt(oh('Sa,PH 09:00-12:00'), at('2026-05-14 10:00')), true); // Ascension
  });

  it('flags appointment-only opening and keeps comments, also on closed holidays', () => {
    const hours = oh('Mo-Fr 09:00-12:00; Tu 14:00-17:00 "uniquement sur RDV"; PH off "fermé les jours fériés"');
    assert.deepEqual(stateAt(hours, at('2026-01-05 10:00')), { open: true, appointmentOnly: false });
    assert.deepEqual(stateAt(hours, at('2026-01-06 15:00')), { open: true, appointmentOnly: true, comment: 'uniquement sur RDV' });
    // The Tuesday rule replaces the Monday-to-Friday one on Tuesdays.
    assert.deepEqual(stateAt(hours, at('2026-01-06 10:00')), { open: false, appointmentOnly: false });
    assert.deepEqual(stateAt(hours, at('2026-05-01 10:00')), { open: false, appointmentOnly: false, comment: 'fermé les jours fériés' });
    const both = oh('Mo-Fr 09:00-12:00 "accueil libre", Mo-Fr 14:00-17:00 "sur rendez-vous"');
    assert.deepEqual(stateAt(both, at('2026-01-05 10:00')), { open: true, appointmentOnly: false, comment: 'accueil libre' });
    assert.deepEqual(stateAt(both, at('2026-01-05 15:00')), { open: true, appointmentOnly: true, comment: 'sur rendez-vous' });
  });

  it('treats a comment without state as open, as OSM data writes "sur rendez-vous"', () => {
    assert.deepEqual(stateAt(oh('Sa "sur rendez-vous"'), at('2026-01-10 23:00')), { open: true, appointmentOnly: true, comment: 'sur rendez-vous' });
  });

  it('selects the n-th weekdays of the month', () => {
    const hours = oh('We[1,3] 14:00-17:00; Mo[-1] 09:00-12:00; Fr[-2] 09:00-10:00');
    assert.deepEqual(
      ['2026-01-07', '2026-01-14', '2026-01-21', '2026-01-28'].map((d) => isOpenAt(hours, at(`${d} 15:00`))),
      [true, false, true, false],
    );
    assert.equal(isOpenAt(hours, at('2026-01-26 10:00')), true);
    assert.equal(isOpenAt(hours, at('2026-01-19 10:00')), false);
    assert.equal(isOpenAt(hours, at('2026-02-20 09:30')), true); // 2 Fridays left: 20 and 27 February
    assert.equal(isOpenAt(hours, at('2026-02-27 09:30')), false);
    // Saturdays of January 2026: 3, 10, 17, 24, 31. The 24th is 7 days before the end: not the last.
    assert.equal(isOpenAt(oh('Sa[-1] 10:00-11:00'), at('2026-01-31 10:30')), true);
    assert.equal(isOpenAt(oh('Sa[-1] 10:00-11:00'), at('2026-01-24 10:30')), false);
    assert.equal(isOpenAt(oh('Sa[-2] 10:00-11:00'), at('2026-01-24 10:30')), true);
    assert.equal(isOpenAt(oh('Th[5] 10:00-11:00'), at('2026-01-29 10:30')), true);
    assert.equal(isOpenAt(oh('Th[5] 10:00-11:00'), at('2026-02-26 10:30')), false);
  });

  it('selects odd or even ISO weeks, across New Year', () => {
    const odd = oh('week 1-53/2 Mo 09:00-12:00');
    assert.equal(isOpenAt(odd, at('2025-12-29 10:00')), true); // week 1 of 2026
    assert.equal(isOpenAt(odd, at('2026-01-05 10:00')), false); // week 2
    assert.equal(isOpenAt(odd, at('2026-01-12 10:00')), true); // week 3
    assert.equal(isOpenAt(odd, at('2026-12-28 10:00')), true); // week 53
    assert.equal(isOpenAt(odd, at('2027-01-04 10:00')), true); // week 1 of 2027: two odd weeks in a row
    const even = oh('week 02-52/2 Tu 14:00-16:00');
    assert.equal(isOpenAt(even, at('2026-01-06 15:00')), true);
    assert.equal(isOpenAt(even, at('2026-01-13 15:00')), false);
  });

  it('selects months and dates, wrapping over New Year', () => {
    const seasons = oh('Sep-Jun Mo-Fr 09:00-12:00; Jul-Aug Mo-Fr 09:00-11:00');
    assert.equal(isOpenAt(seasons, at('2026-07-15 11:30')), false);
    assert.equal(isOpenAt(seasons, at('2026-09-15 11:30')), true);
    assert.equal(isOpenAt(seasons, at('2026-01-15 11:30')), true);
    const christmas = oh('Mo-Sa 09:00-12:00; Dec 24-Jan 02 off');
    assert.equal(isOpenAt(christmas, at('2026-12-31 10:00')), false);
    assert.equal(isOpenAt(christmas, at('2027-01-02 10:00')), false);
    assert.equal(isOpenAt(christmas, at('2027-01-04 10:00')), true);
    assert.equal(isOpenAt(christmas, at('2026-12-23 10:00')), true);
    const winter = oh('Jan 01-Mar 15 Mo 10:00-12:00');
    assert.equal(isOpenAt(winter, at('2026-03-09 11:00')), true);
    assert.equal(isOpenAt(winter, at('2026-03-16 11:00')), false);
    assert.equal(isOpenAt(oh('Feb 29 10:00-12:00'), at('2028-02-29 11:00')), true);
    assert.equal(isOpenAt(oh('Feb 29 10:00-12:00'), at('2026-03-01 11:00')), false, 'no 29 February in 2026: not 1 March either');
  });

  it('lets later rules override, and closing or additional rules only paint their times', () => {
    const lunch = oh('Mo-Fr 09:00-18:00; We 12:00-14:00 off');
    assert.deepEqual(['10:00', '13:00', '15:00'].map((t) => isOpenAt(lunch, at(`2026-01-07 ${t}`))), [true, false, true]);
    const replaced = oh('Mo-Fr 09:00-18:00; We 12:00-14:00');
    assert.deepEqual(['10:00', '13:00', '15:00'].map((t) => isOpenAt(replaced, at(`2026-01-07 ${t}`))), [false, true, false]);
    const additional = oh('Mo-Fr 09:00-12:00, We 14:00-17:00');
    assert.deepEqual(['10:00', '15:00'].map((t) => isOpenAt(additional, at(`2026-01-07 ${t}`))), [true, true]);
    const timesOnly = oh('Mo 09:00-18:00; 12:00-14:00');
    assert.equal(isOpenAt(timesOnly, at('2026-01-05 10:00')), true, 'a rule of times only does not clear Monday');
    assert.equal(isOpenAt(timesOnly, at('2026-01-06 13:00')), true);
    assert.equal(isOpenAt(oh('10:00-12:00; 14:00-16:00'), at('2026-01-06 11:00')), false, 'but it replaces a rule of times only');
  });

  it('handles 24/7, off and whole days', () => {
    assert.equal(isOpenAt(oh('24/7'), at('2026-03-29 02:30')), true);
    assert.equal(isOpenAt(oh('24/7; PH off'), at('2026-05-01 02:30')), false);
    assert.equal(isOpenAt(oh('off'), at('2026-01-05 10:00')), false);
    assert.equal(isOpenAt(oh('Mo-Fr'), at('2026-01-05 23:59')), true);
    assert.equal(isOpenAt(oh('Mo 00:00-24:00'), at('2026-01-05 23:59')), true);
    assert.equal(isOpenAt(oh('Mo 00:00-24:00'), at('2026-01-06 00:00')), false);
  });

  it('rejects an invalid date', () => {
    assert.throws(() => isOpenAt(office, new Date('x')), RangeError);
    assert.throws(() => nextChange(office, new Date('x')), RangeError);
  });
});

describe('daylight saving time', () => {
  it('counts the real length of a range over the spring-forward and fall-back hours', () => {
    const night = oh('Su 01:00-04:00');
    assert.deepEqual(spans(openIntervals(night, at('2026-03-29 00:00'), at('2026-03-30 00:00'))), [['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
    assert.deepEqual(spans(openIntervals(night, at('2026-10-25 00:00'), at('2026-10-26 00:00'))), [['2026-10-24T23:00:00.000Z', '2026-10-25T03:00:00.000Z']]);
    assert.equal(weekSummary(night, at('2026-03-29 12:00')).hours, 2);
    assert.equal(weekSummary(night, at('2026-10-25 12:00')).hours, 4);
    assert.equal(weekSummary(night, at('2026-07-05 12:00')).hours, 3);
  });

  it('keeps office hours at the same wall-clock time on both DST Sundays and the days around', () => {
    const hours = oh('Mo-Su 09:00-12:00');
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
      const [interval] = openIntervals(hours, at(`${date} 00:00`), at(`${date} 23:00`));
      assert.ok(interval);
      assert.deepEqual([interval.start, interval.end], [at(`${date} 09:00`), at(`${date} 12:00`)], date);
    }
  });

  it('opens a range starting in the missing hour at the first valid instant (03:00)', () => {
    const hours = oh('Su 02:30-04:00');
    assert.equal(nextChange(hours, new Date('2026-03-29T00:30:00Z'))?.toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(isOpenAt(hours, new Date('2026-03-29T01:00:00Z')), true);
    assert.equal(isOpenAt(hours, new Date('2026-03-29T00:59:59Z')), false);
    assert.deepEqual(spans(openIntervals(oh('Su 02:15-02:45'), at('2026-03-29 00:00'), at('2026-03-30 00:00'))), [], 'wholly in the gap');
  });

  it('follows the wall clock through the repeated autumn hour', () => {
    const hours = oh('Su 02:15-02:45');
    const intervals = spans(openIntervals(hours, at('2026-10-25 00:00'), at('2026-10-26 00:00')));
    assert.deepEqual(intervals, [
      ['2026-10-25T00:15:00.000Z', '2026-10-25T00:45:00.000Z'],
      ['2026-10-25T01:15:00.000Z', '2026-10-25T01:45:00.000Z'],
    ]);
    assert.equal(nextChange(hours, new Date('2026-10-25T00:50:00Z'))?.toISOString(), '2026-10-25T01:15:00.000Z');
    assert.equal(isOpenAt(hours, new Date('2026-10-25T01:20:00Z')), true);
  });
});

describe('nextChange', () => {
  const office = oh('Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off');

  it('finds the next opening or closing, skipping holidays', () => {
    assert.deepEqual(nextChange(office, at('2026-01-07 10:00')), at('2026-01-07 12:00'));
    assert.deepEqual(nextChange(office, at('2026-01-07 12:00')), at('2026-01-07 13:30'));
    assert.deepEqual(nextChange(office, at('2026-01-10 12:00')), at('2026-01-12 08:30'));
    assert.deepEqual(nextChange(office, at('2026-04-30 17:00')), at('2026-05-02 09:00')); // 1 May is closed
    assert.deepEqual(nextChange(office, at('2026-04-30 17:00'), { holidays: 'none' }), at('2026-05-01 08:30'));
  });

  it('is strictly after the given instant', () => {
    assert.deepEqual(nextChange(office, at('2026-01-07 08:30')), at('2026-01-07 12:00'));
  });

  it('reports changes of appointment flag and comment, and merges what does not change', () => {
    const hours = oh('Mo 09:00-12:00 "accueil libre", Mo 12:00-14:00 "sur rendez-vous", Mo 14:00-16:00 "sur rendez-vous"');
    assert.deepEqual(nextChange(hours, at('2026-01-05 10:00')), at('2026-01-05 12:00'));
    assert.deepEqual(nextChange(hours, at('2026-01-05 12:30')), at('2026-01-05 16:00'));
    assert.deepEqual(nextChange(oh('Mo-Su 00:00-24:00'), at('2026-01-05 10:00')), undefined);
  });

  it('looks about a year ahead', () => {
    assert.deepEqual(nextChange(oh('Dec 24 09:00-12:00'), at('2026-01-01 10:00')), at('2026-12-24 09:00'));
    assert.equal(nextChange(oh('Feb 29 09:00-12:00'), at('2026-03-01 10:00')), undefined); // 2028 is too far
    assert.equal(nextChange(oh('24/7'), at('2026-01-01 10:00')), undefined);
    assert.equal(nextChange(oh('off'), at('2026-01-01 10:00')), undefined);
  });
});

describe('openIntervals', () => {
  it('returns sorted, half-open intervals clipped to the range, merged across midnight', () => {
    const weekdays = oh('Mo-Fr 00:00-24:00');
    assert.deepEqual(spans(openIntervals(weekdays, at('2026-01-04 00:00'), at('2026-01-11 00:00'))), [[at('2026-01-05 00:00').toISOString(), at('2026-01-10 00:00').toISOString()]]);
    const office = oh('Mo-Fr 09:00-12:00,14:00-17:00');
    assert.deepEqual(spans(openIntervals(office, at('2026-01-05 10:00'), at('2026-01-05 15:00'))), [
      [at('2026-01-05 10:00').toISOString(), at('2026-01-05 12:00').toISOString()],
      [at('2026-01-05 14:00').toISOString(), at('2026-01-05 15:00').toISOString()],
    ]);
    assert.deepEqual(openIntervals(office, at('2026-01-05 15:00'), at('2026-01-05 10:00')), []);
  });

  it('keeps appointment-only intervals apart, with their comment', () => {
    const hours = oh('Mo 09:00-12:00, Mo 12:00-14:00 "sur RDV"');
    assert.deepEqual(openIntervals(hours, at('2026-01-05 00:00'), at('2026-01-06 00:00')), [
      { start: at('2026-01-05 09:00'), end: at('2026-01-05 12:00'), appointmentOnly: false },
      { start: at('2026-01-05 12:00'), end: at('2026-01-05 14:00'), appointmentOnly: true, comment: 'sur RDV' },
    ]);
  });
});

describe('weekSummary and dayOpenRanges', () => {
  it('sums the hours and days of the ISO week holding the date', () => {
    const hours = oh('Mo-Fr 09:00-12:00,14:00-17:00');
    assert.deepEqual(weekSummary(hours, at('2026-01-07 12:00')), { hours: 30, days: [1, 2, 3, 4, 5], appointmentOnlyHours: 0 });
    assert.deepEqual(weekSummary(hours, at('2026-01-11 23:59')), { hours: 30, days: [1, 2, 3, 4, 5], appointmentOnlyHours: 0 }, 'Sunday ends the week');
  });

  it('counts appointment-only hours apart and drops closed holidays', () => {
    const hours = oh('Mo,We,Fr 09:00-12:30; Tu,Th 13:30-17:00 "sur rendez-vous"; PH off');
    assert.deepEqual(weekSummary(hours, at('2026-01-07 12:00')), { hours: 17.5, days: [1, 2, 3, 4, 5], appointmentOnlyHours: 7 });
    // Week of 27 April 2026: Friday 1 May is closed.
    assert.deepEqual(weekSummary(hours, at('2026-04-28 12:00')), { hours: 14, days: [1, 2, 3, 4], appointmentOnlyHours: 7 });
  });

  it('lists the open ranges of a date in wall-clock minutes', () => {
    const hours = oh('Mo-Fr 09:00-12:00, Mo 14:00-17:00 "sur rendez-vous"; PH off');
    assert.deepEqual(dayOpenRanges(hours, '2026-01-05'), [
      { from: 540, to: 720, appointmentOnly: false },
      { from: 840, to: 1020, appointmentOnly: true, comment: 'sur rendez-vous' },
    ]);
    assert.deepEqual(dayOpenRanges(hours, '2026-05-01'), []);
    assert.deepEqual(dayOpenRanges(hours, '2026-05-01', { holidays: 'none' }), [{ from: 540, to: 720, appointmentOnly: false }]);
    assert.equal(formatTime(540), '09:00');
    assert.equal(formatTime(1440), '24:00');
    assert.throws(() => dayOpenRanges(hours, '2026-13-01'), RangeError);
    assert.throws(() => dayOpenRanges(hours, '2026-02-30'), RangeError);
  });
});

describe('fromDailyRanges', () => {
  it('groups days with the same ranges into OSM rules', () => {
    const ranges: DailyRanges = {
      1: [[540, 720], [840, 1020]],
      2: [[540, 720], [840, 1020]],
      3: [[540, 720], [840, 1020]],
      4: [[540, 720]],
      5: [[540, 720], [840, 1020]],
      6: [[540, 720]],
    };
    assert.equal(serializeOpeningHours(fromDailyRanges(ranges)), 'Mo-We,Fr 09:00-12:00,14:00-17:00; Th,Sa 09:00-12:00');
    assert.equal(serializeOpeningHours(fromDailyRanges({ 1: [[540, 720]], 2: [[540, 720]] })), 'Mo,Tu 09:00-12:00');
  });

  it('merges overlapping, touching and repeated ranges and drops empty ones', () => {
    const hours = fromDailyRanges({ 1: [[840, 1020], [540, 720], [600, 700], [720, 750], [540, 720], [900, 900], [1000, 990]] });
    assert.equal(serializeOpeningHours(hours), 'Mo 09:00-12:30,14:00-17:00');
  });

  it('gives "off" when no day is open, and opens exactly the given ranges', () => {
    assert.equal(serializeOpeningHours(fromDailyRanges({})), 'off');
    assert.equal(serializeOpeningHours(fromDailyRanges({ 3: [[600, 600]] })), 'off');
    const hours = fromDailyRanges({ 2: [[510, 720]], 7: [[0, 1440]] });
    assert.equal(serializeOpeningHours(hours), 'Tu 08:30-12:00; Su 00:00-24:00');
    assert.deepEqual(
      spans(openIntervals(hours, at('2026-01-05 00:00'), at('2026-01-12 00:00'))),
      [
        ...parisWallRange('2026-01-06', 510, 720).map((r) => [r.start.toISOString(), r.end.toISOString()]),
        [at('2026-01-11 00:00').toISOString(), at('2026-01-12 00:00').toISOString()],
      ],
    );
    assert.deepEqual(parseOpeningHours(serializeOpeningHours(hours)), hours);
  });

  it('rejects minutes outside a day or not whole', () => {
    assert.throws(() => fromDailyRanges({ 1: [[-10, 600]] }), RangeError);
    assert.throws(() => fromDailyRanges({ 1: [[600, 1500]] }), RangeError);
    assert.throws(() => fromDailyRanges({ 1: [[600.5, 700]] }), RangeError);
  });
});
