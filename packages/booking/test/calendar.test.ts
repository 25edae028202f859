import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, isCalendarKey, monthGrid, moveDay } from '../src/booking/calendar.js';

describe('the booking calendar grid', () => {
  it('lays a month out in weeks starting on Monday, padded before the 1st and after the last day', () => {
    // March 2027 starts on a Monday and has 31 days: 5 weeks, the last with 3 days.
    const march = monthGrid(2027, 3);
    assert.equal(march.length, 5);
    assert.equal(march[0]?.[0]?.date, '2027-03-01');
    assert.deepEqual(
      march[4]?.map((c) => c.date),
      ['2027-03-29', '2027-03-30', '2027-03-31', undefined, undefined, undefined, undefined],
    );
    // December 2026 starts on a Tuesday.
    const december = monthGrid(2026, 12);
    assert.deepEqual(
      december[0]?.map((c) => c.date),
      [undefined, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'],
    );
    assert.ok(december.every((week) => week.length === 7));
    // February 2027: 28 days from a Monday, exactly 4 weeks.
    assert.equal(monthGrid(2027, 2).length, 4);
  });

  it('moves like the WAI-ARIA date picker: days, weeks, week ends and months, across month and year ends', () => {
    assert.equal(moveDay('2026-12-31', 'ArrowRight'), '2027-01-01');
    assert.equal(moveDay('2027-01-01', 'ArrowLeft'), '2026-12-31');
    assert.equal(moveDay('2026-12-30', 'ArrowDown'), '2027-01-06');
    assert.equal(moveDay('2026-12-02', 'ArrowUp'), '2026-11-25');
    assert.equal(moveDay('2026-12-01', 'Home'), '2026-11-30');
    assert.equal(moveDay('2026-12-01', 'End'), '2026-12-06');
    assert.equal(moveDay('2026-11-30', 'Home'), '2026-11-30');
    assert.equal(moveDay('2026-12-06', 'End'), '2026-12-06');
    assert.equal(moveDay('2027-01-31', 'PageDown'), '2027-02-28');
    assert.equal(moveDay('2027-03-31', 'PageUp'), '2027-02-28');
    assert.equal(moveDay('2028-01-31', 'PageDown'), '2028-02-29');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2027-01-15', -13), '2025-12-15');
  });

  it('answers only the keys of the grid', () => {
    assert.ok(isCalendarKey('PageDown'));
    assert.ok(!isCalendarKey('Enter'));
    assert.ok(!isCalendarKey('Tab'));
  });
});
