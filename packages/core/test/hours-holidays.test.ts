// @socialgouv/jours-feries builds local-time dates: read them in Paris time.
process.env.TZ = 'Europe/Paris';

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { easterSunday, isPublicHoliday, publicHolidays } from '../src/hours/index.js';

type JoursFeries = (year: number, options?: { alsace?: boolean }) => Record<string, Date>;
const joursFeries = createRequire(import.meta.url)('@socialgouv/jours-feries') as JoursFeries;
const local = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('publicHolidays', () => {
  it('agrees with @socialgouv/jours-feries from 1990 to 2100, in France and in Alsace-Moselle', () => {
    for (let year = 1990; year <= 2100; year++) {
      for (const alsace of [false, true]) {
        const expected = Object.values(joursFeries(year, { alsace })).map(local).sort();
        const actual = publicHolidays(year, alsace ? 'alsace-moselle' : 'france').map((h) => h.date);
        assert.deepEqual(actual, expected, `${year}${alsace ? ' Alsace-Moselle' : ''}`);
      }
    }
  });

  it('lists the 11 national holidays of 2026 with their French names, sorted', () => {
    assert.deepEqual(publicHolidays(2026), [
      { date: '2026-01-01', name: 'Jour de l’an' },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle', () => {
    const extra = publicHolidays(2026, 'alsace-moselle').filter((h) => !isPublicHoliday(h.date, 'france'));
    assert.deepEqual(extra, [
      { date: '2026-04-03', name: 'Vendredi saint' },
      { date: '2026-12-26', name: 'Saint-Étienne' },
    ]);
  });

  it('keeps both holidays when Ascension falls on 1 May (2008)', () => {
    assert.deepEqual(
      publicHolidays(2008).filter((h) => h.date === '2008-05-01').map((h) => h.name),
      ['Fête du Travail', 'Ascension'],
    );
  });

  it('returns a fresh list each time', () => {
    const list = publicHolidays(2026);
    list.length = 0;
    assert.equal(publicHolidays(2026).length, 11);
  });

  it('rejects years outside the Gregorian calendar', () => {
    assert.throws(() => publicHolidays(1500), RangeError);
    assert.throws(() => publicHolidays(2026.5), RangeError);
  });
});

describe('easterSunday', () => {
  it('computes Easter, including the earliest and latest possible dates', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(1818), '1818-03-22'); // the earliest possible date
    assert.equal(easterSunday(2285), '2285-03-22');
    assert.equal(easterSunday(1943), '1943-04-25'); // the latest possible date
    assert.equal(easterSunday(2038), '2038-04-25');
  });
});

describe('isPublicHoliday', () => {
  it('answers per region', () => {
    assert.equal(isPublicHoliday('2026-05-01'), true);
    assert.equal(isPublicHoliday('2026-05-02'), false);
    assert.equal(isPublicHoliday('2026-04-03'), false);
    assert.equal(isPublicHoliday('2026-04-03', 'alsace-moselle'), true);
    assert.equal(isPublicHoliday('2026-12-26'), false);
    assert.equal(isPublicHoliday('2026-12-26', 'alsace-moselle'), true);
    assert.equal(isPublicHoliday('2027-03-29'), true, 'Easter Monday 2027');
  });

  it('says no to malformed dates', () => {
    assert.equal(isPublicHoliday('2026-5-1'), false);
    assert.equal(isPublicHoliday('01/05/2026'), false);
    assert.equal(isPublicHoliday(''), false);
  });
});
