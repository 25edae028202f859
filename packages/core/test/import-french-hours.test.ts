import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOpenAt, parseOpeningHours, serializeOpeningHours, stateAt } from '../src/hours/index.js';
import { frenchHoursToOsm, frenchWeekToOsm } from '../src/import/index.js';
import type { FrenchHoursStatus, OsmWeekday } from '../src/import/index.js';

const { default: Oracle } = await import('opening_hours');

/** The output is in the hours module's subset (canonical), and the reference library reads it without warning. */
function assertValidOsm(osm: string): void {
  assert.equal(serializeOpeningHours(parseOpeningHours(osm)), osm, `not canonical: ${osm}`);
  const oracle = new Oracle(osm, { lat: 44.6, lon: 1.6, address: { country_code: 'fr', state: 'Occitanie' } });
  assert.deepEqual(oracle.getWarnings(), [], osm);
}

type Case = [text: string, day: OsmWeekday | undefined, status: FrenchHoursStatus, osm: string | undefined, unconverted?: string[]];

// The kinds of strings of the 2020 France Services file (hand-written here, not copied).
const cases: Case[] = [
  ['9:00 - 12:00 / 13:30 - 17:00', 'Mo', 'full', 'Mo 09:00-12:00,13:30-17:00'],
  ['9:00 - 12:00 / 13:30 - 17:00', undefined, 'full', '09:00-12:00,13:30-17:00'],
  ['-', 'Sa', 'closed', 'Sa off'],
  ['Espace fermé ce jour', 'Mo', 'closed', 'Mo off'],
  ['Horaires non communiqués', 'Tu', 'unknown', undefined],
  ['9:00 - 12:00 / Sur RDV : 14:00 - 17:00', 'Mo', 'full', 'Mo 09:00-12:00, Mo 14:00-17:00 "sur rendez-vous"'],
  ['Sur RDV : 9:00 - 12:30 / Sans RDV : 13:30 - 17:00', 'Tu', 'full', 'Tu 13:30-17:00, Tu 09:00-12:30 "sur rendez-vous"'],
  ['09:00 - 12:30 (sur RDV 14:00 - 17:00)', 'We', 'full', 'We 09:00-12:30, We 14:00-17:00 "sur rendez-vous"'],
  [
    '1er mercredi du mois : 9:30 - 12:15 / 13:45 - 16:30 // 3ème mercredi du mois : 9:30 - 12:15',
    'We',
    'full',
    'We[1] 09:30-12:15,13:45-16:30; We[3] 09:30-12:15',
  ],
  ['1er de chaque mois : 9:00 - 12:00', 'Tu', 'full', 'Tu[1] 09:00-12:00'],
  ['8:45 - 12:00 / Semaines paires : 14:00 - 16:30', 'Mo', 'full', 'Mo 08:45-12:00; week 02-52/2 Mo 08:45-12:00,14:00-16:30'],
  ['Semaines paires : 10:00 - 12:00 // Semaines impaires : fermé', 'Th', 'full', 'week 02-52/2 Th 10:00-12:00; week 01-53/2 Th off'],
  ['9:00 - 12:00 (semaines impaires) / 14:00 - 18:00', 'Fr', 'full', 'Fr 14:00-18:00; week 01-53/2 Fr 09:00-12:00,14:00-18:00'],
  [
    'Sept.\u00a0- Juin\u00a0: 9:00 - 12:00 / 14:00 - 17:30 // Été\u00a0: 10:00 - 12:30 / 13:30 - 18:00 ',
    'Mo',
    'full',
    'Sep-Jun Mo 09:00-12:00,14:00-17:30; Jul-Aug Mo 10:00-12:30,13:30-18:00',
  ],
  ['Juin - Sept. : 9:00 - 12:00', 'Sa', 'full', 'Jun-Sep Sa 09:00-12:00'],
  ['Excepté dernier samedi du mois : 8:45 - 12:15', 'Sa', 'full', 'Sa 08:45-12:15; Sa[-1] off'],
  // Sloppy writing, repaired.
  ['9:00 -12: 13:00 -16:', 'Mo', 'full', 'Mo 09:00-12:00,13:00-16:00'],
  ['8:30/12:00 -14:/17:', 'Mo', 'full', 'Mo 08:30-12:00,14:00-17:00'],
  ['09:45-12:00 / 13:30:16:30', 'Mo', 'full', 'Mo 09:45-12:00,13:30-16:30'],
  ['09:00 - 12:00 / 13:30 - 17 : 00', 'Mo', 'full', 'Mo 09:00-12:00,13:30-17:00'],
  ['8:30 - 12:30 / 13:30 - 16::30', 'Mo', 'full', 'Mo 08:30-12:30,13:30-16:30'],
  ['09-12:30 / 13:30 - 17:00', 'Mo', 'full', 'Mo 09:00-12:30,13:30-17:00'],
  ['8:30 - 12:30 et 13:30 - 17:30', 'Mo', 'full', 'Mo 08:30-12:30,13:30-17:30'],
  ['9:00 - 12:00 / 9:00 - 16:30', 'Mo', 'full', 'Mo 09:00-16:30'],
  // Partly or not converted: never guessed.
  ['9:00 - 12:30 / Sur RDV : après-midi', 'Tu', 'partial', 'Tu 09:00-12:30', ['Sur RDV : après-midi']],
  ['9:30 - 12:30 / Itinérance : 14:00 - 17:00', 'Mo', 'partial', 'Mo 09:30-12:30', ['Itinérance : 14:00 - 17:00']],
  ['8:30 - 12:00 / 1 lundi par mois : 12:30 - 17:00', 'Mo', 'partial', 'Mo 08:30-12:00', ['1 lundi par mois : 12:30 - 17:00']],
  ['9:00 - 12:30 / Sur RDV', 'Sa', 'partial', 'Sa 09:00-12:30', ['Sur RDV']],
  ['1 samedi sur 2 : 9:00 - 12:30', 'Sa', 'none', undefined, ['1 samedi sur 2 : 9:00 - 12:30']],
  ['Selon planning bus', 'Mo', 'none', undefined, ['Selon planning bus']],
  ['9:00 - 16:30 selon planning permanences', 'Mo', 'none', undefined, ['9:00 - 16:30 selon planning permanences']],
  ['Pendant les vacances scolaires : 9:00 - 12:00', 'Mo', 'none', undefined, ['Pendant les vacances scolaires : 9:00 - 12:00']],
  ['8:00 - 12:00 / 13:30 16:00 -30', 'Mo', 'none', undefined, ['8:00 - 12:00 / 13:30 16:00 -30']],
  ['10:30-12:30 / 113:30 - 18:30', 'Mo', 'none', undefined, ['10:30-12:30 / 113:30 - 18:30']],
  ['1er mercredi du mois : 9:00 - 12:00', undefined, 'full', 'We[1] 09:00-12:00'],
  ['1er de chaque mois : 9:00 - 12:00', undefined, 'none', undefined, ['1er de chaque mois : 9:00 - 12:00']],
  // Day names in the text.
  ['Du lundi au vendredi : 9h-12h et 14h-17h, samedi : 9h-12h', undefined, 'full', 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00'],
  ['Lundi, mardi et jeudi : 9:00-12:00 ; vendredi : fermé', undefined, 'full', 'Mo,Tu,Th 09:00-12:00'],
  ['Lundi : 9:00-12:00\nMardi : sur RDV', undefined, 'partial', 'Mo 09:00-12:00', ['sur RDV']],
];

describe('frenchHoursToOsm', () => {
  for (const [text, day, status, osm, unconverted = []] of cases) {
    it(`${JSON.stringify(text)}${day ? ` (${day})` : ''} → ${status} ${osm ?? ''}`, () => {
      const result = frenchHoursToOsm(text, day === undefined ? {} : { day });
      assert.equal(result.status, status);
      assert.equal(result.osm, osm);
      assert.deepEqual(result.unconverted, unconverted);
      if (osm !== undefined && status !== 'closed') assertValidOsm(osm);
    });
  }

  it('says what it repaired', () => {
    assert.deepEqual(frenchHoursToOsm('9:00 -12: 13:00 -16:', { day: 'Mo' }).repairs, ['"12:" read as 12:00', '"16:" read as 16:00']);
    assert.deepEqual(frenchHoursToOsm('09:45-12:00 / 13:30:16:30', { day: 'Mo' }).repairs, ['":" between two times read as "-"']);
    assert.deepEqual(frenchHoursToOsm('9:00 - 12:00 / 13:30 - 17:00', { day: 'Mo' }).repairs, []);
  });

  it('marks appointment-only hours so that the evaluator says "by appointment"', () => {
    const osm = frenchHoursToOsm('9:00 - 12:00 / Sur RDV : 14:00 - 17:00', { day: 'Mo' }).osm ?? '';
    const hours = parseOpeningHours(osm);
    // Monday 5 January 2026, Paris (UTC+1).
    assert.deepEqual(stateAt(hours, new Date('2026-01-05T10:00:00+01:00')), { open: true, appointmentOnly: false });
    assert.equal(stateAt(hours, new Date('2026-01-05T15:00:00+01:00')).appointmentOnly, true);
  });

  it('reads even ISO weeks for "semaines paires"', () => {
    const hours = parseOpeningHours(frenchHoursToOsm('Semaines paires : 10:00 - 12:00', { day: 'Mo' }).osm ?? '');
    assert.equal(isOpenAt(hours, new Date('2026-01-05T11:00:00+01:00')), true, 'ISO week 2');
    assert.equal(isOpenAt(hours, new Date('2026-01-12T11:00:00+01:00')), false, 'ISO week 3');
  });
});

describe('frenchWeekToOsm', () => {
  it('groups the days that share their hours and keeps each day’s result', () => {
    const week = frenchWeekToOsm({
      Mo: '9:00 - 12:00 / 13:30 - 17:00',
      Tu: '9:00 - 12:00 / 13:30 - 17:00',
      We: '1er mercredi du mois : 9:30 - 12:15',
      Th: '9:00 - 12:00 / Sur RDV : 13:30 - 17:00',
      Fr: '9:00 - 12:00 / 13:30 - 17:00',
      Sa: '-',
    });
    assert.equal(week.status, 'full');
    assert.equal(week.osm, 'Mo,Tu,Fr 09:00-12:00,13:30-17:00; Th 09:00-12:00, Th 13:30-17:00 "sur rendez-vous"; We[1] 09:30-12:15');
    assertValidOsm(week.osm);
    assert.equal(week.days.Sa?.status, 'closed');
    assert.equal(week.days.We?.osm, 'We[1] 09:30-12:15');
  });

  it('is partial when a day is unknown or not converted, and lists what was not', () => {
    const week = frenchWeekToOsm({ Mo: '9:00 - 12:00', Tu: 'Selon planning bus', Sa: 'Horaires non communiqués' });
    assert.equal(week.status, 'partial');
    assert.equal(week.osm, 'Mo 09:00-12:00');
    assert.deepEqual(week.unconverted, ['Selon planning bus']);
    assert.equal(week.days.Sa?.status, 'unknown');
  });

  it('gives no hours when no day has any (all closed or unknown)', () => {
    assert.equal(frenchWeekToOsm({ Mo: '-', Tu: '', We: '-' }).osm, undefined);
    assert.equal(frenchWeekToOsm({ Mo: '-', Tu: '', We: '-' }).status, 'closed');
    const unknown = frenchWeekToOsm({ Mo: 'Horaires non communiqués', Tu: 'Horaires non communiqués' });
    assert.equal(unknown.status, 'unknown');
    assert.equal(unknown.osm, undefined);
  });
});
